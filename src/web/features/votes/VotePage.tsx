/**
 * One owners' vote: its tally (quorum and approval, by area and by headcount, each with its
 * numbers), open/close, quick paper-ballot entry from the keyboard, the frozen register with
 * corrections and scans, the Excel export, the result sheet and the owners' link.
 */
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { limits } from '../../../contract/common.js';
import type { Tally, VoteDetail, Voter } from '../../../contract/votes.js';
import { votesEndpoints } from '../../../contract/votes.js';
import type { VoteChoice } from '../../../domain/votes.js';
import { downloadUrl } from '../../shared/api.js';
import { useErrorReporter } from '../../shared/errors.js';
import { FormModal } from '../../shared/FormDrawer.js';
import { serverPagination } from '../../shared/pagination.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useDebounced } from '../../shared/useDebounced.js';
import { photoUrl } from '../photos/Thumbnail.js';
import { scopeOf, VoteStatusTag } from './labels.js';
import {
  useAttachScan,
  useCloseVote,
  useCorrectBallot,
  useEnterBallot,
  useMarkOccupied,
  useOpenVote,
  useVote,
  useVoters,
} from './queries.js';

const keyChoices: Record<string, VoteChoice> = { '1': 'for', '2': 'against', '3': 'abstain' };
const choiceColors: Record<VoteChoice, string> = { for: 'green', against: 'red', abstain: 'default' };

function Measure({ label, m }: { label: string; m: Tally['quorumArea'] }) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Space>
        <Typography.Text strong data-testid="measure">
          {m.text}
        </Typography.Text>
        <Tag color={m.met ? 'green' : 'red'}>{m.met ? t('votes.met') : t('votes.notMet')}</Tag>
      </Space>
    </Flex>
  );
}

export function TallyCard({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const tally = vote.tally;
  if (!tally) return null;
  return (
    <Card title={t('votes.tally')} size="small" extra={vote.status === 'open' ? t('votes.liveNote') : null}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t('votes.totals', { area: tally.totalArea, n: tally.totalHeadcount })}
        </Typography.Text>
        <Typography.Text strong>
          {t('votes.quorum')}（{t('votes.quorumRule')}）
        </Typography.Text>
        <Measure label={t('votes.byArea')} m={tally.quorumArea} />
        <Measure label={t('votes.byHeadcount')} m={tally.quorumHeadcount} />
        <Typography.Text strong>
          {t('votes.approval')}（{vote.special ? t('votes.special') : t('votes.general')}）
        </Typography.Text>
        <Measure label={t('votes.byArea')} m={tally.approvalArea} />
        <Measure label={t('votes.byHeadcount')} m={tally.approvalHeadcount} />
        {tally.consent && (
          <>
            <Typography.Text strong>
              {t('votes.consent')}（{t('votes.consentRule')}）
            </Typography.Text>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text type="secondary">{t('votes.occupied')}</Typography.Text>
              <Space>
                <Typography.Text strong data-testid="consent">
                  {tally.consent.required > 0
                    ? t('votes.consentLine', tally.consent)
                    : t('votes.consentNone')}
                </Typography.Text>
                <Tag color={tally.consent.met ? 'green' : 'red'}>
                  {tally.consent.met ? t('votes.met') : t('votes.notMet')}
                </Tag>
              </Space>
            </Flex>
          </>
        )}
        <Space wrap>
          <Tag color="green">
            {t('votes.forLabel')} {tally.for.headcount} / {tally.for.area} ㎡
          </Tag>
          <Tag color="red">
            {t('votes.againstLabel')} {tally.against.headcount} / {tally.against.area} ㎡
          </Tag>
          <Tag>
            {t('votes.abstainLabel')} {tally.abstain.headcount} / {tally.abstain.area} ㎡
          </Tag>
        </Space>
        <Typography.Text strong data-testid="conclusion">
          {t('votes.conclusion')}：
          {vote.status === 'closed'
            ? vote.passed
              ? t('votes.passed')
              : t('votes.failed')
            : `${t('votes.inProgress')} ${tally.passed ? t('votes.passed') : t('votes.failed')}`}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** Keyboard entry: type a room, ↑↓ Enter, then 1/2/3 and Enter; focus comes back to the search. */
function PaperEntry({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 200);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<Voter | null>(null);
  const [choice, setChoice] = useState<VoteChoice | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLDivElement>(null);
  const matches = useVoters(
    vote.id,
    { q: search || undefined, voted: 'false', pageSize: 8 },
    search.length > 0,
  );
  const items = search ? (matches.data?.items ?? []) : [];
  const enter = useEnterBallot(vote.id);
  const back = () => {
    setPicked(null);
    setChoice(null);
    setTimeout(() => input.current?.focus(), 0);
  };
  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, items.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') {
      const v = items[active];
      if (!v || search !== q.trim() || matches.isFetching) return;
      setPicked(v);
      setTimeout(() => chooser.current?.focus(), 0);
    } else return;
    e.preventDefault();
  };
  const save = () => {
    if (!picked || !choice || enter.isPending) return;
    enter.mutate(
      { voterKey: picked.key, choice },
      {
        onSuccess: () => {
          void message.success(
            t('votes.entrySaved', { rooms: picked.rooms, choice: t(`votes.${choice}Label`) }),
          );
          setQ('');
          back();
        },
        onError: (error) => {
          report(error);
          back();
        },
      },
    );
  };
  const onChooseKey = (e: KeyboardEvent) => {
    const c = keyChoices[e.key];
    if (c) setChoice(c);
    else if (e.key === 'Enter') save();
    else if (e.key === 'Escape') back();
    else return;
    e.preventDefault();
  };
  return (
    <Card title={t('votes.entry')} size="small">
      <Typography.Paragraph type="secondary">{t('votes.entryHelp')}</Typography.Paragraph>
      {picked ? (
        <div
          ref={chooser}
          tabIndex={0}
          role="radiogroup"
          aria-label={t('votes.choice')}
          onKeyDown={onChooseKey}
          data-testid="ballot-chooser"
          style={{ outline: '2px solid #1677ff', padding: 12, borderRadius: 6 }}
        >
          <Typography.Text strong>{t('votes.entryChoose', { rooms: picked.rooms })}</Typography.Text>
          <Flex gap={8} style={{ marginTop: 8 }}>
            {(['for', 'against', 'abstain'] as const).map((c, i) => (
              <Button
                key={c}
                tabIndex={-1}
                type={choice === c ? 'primary' : 'default'}
                danger={c === 'against' && choice === c}
                aria-checked={choice === c}
                role="radio"
                onClick={() => setChoice(c)}
              >
                {i + 1} {t(`votes.${c}Label`)}
              </Button>
            ))}
            <Button type="primary" tabIndex={-1} disabled={!choice} loading={enter.isPending} onClick={save}>
              ↵
            </Button>
          </Flex>
        </div>
      ) : (
        <>
          <Input
            ref={(el) => {
              input.current = el?.input ?? null;
            }}
            autoFocus
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setActive(0);
            }}
            onKeyDown={onSearchKey}
            placeholder={t('votes.entrySearch')}
            maxLength={limits.search.max}
            aria-label={t('votes.entrySearch')}
          />
          {search && (
            <List
              size="small"
              locale={{ emptyText: t('votes.entryNoMatch') }}
              loading={matches.isFetching}
              dataSource={items}
              renderItem={(v, i) => (
                <List.Item
                  style={{ background: i === active ? '#e6f4ff' : undefined, cursor: 'pointer' }}
                  onClick={() => {
                    setPicked(v);
                    setTimeout(() => chooser.current?.focus(), 0);
                  }}
                >
                  {v.rooms} · {v.name} · {v.area} ㎡
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}

function CorrectModal({
  vote,
  voter,
  onClose,
}: {
  vote: VoteDetail;
  voter: Voter | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ choice: VoteChoice; reason: string }>();
  const correct = useCorrectBallot(vote.id);
  const ballot = voter?.ballot;
  return (
    <FormModal<{ choice: VoteChoice; reason: string }, unknown>
      open={Boolean(ballot)}
      onClose={onClose}
      name="correctBallot"
      form={form}
      fields={['choice', 'reason']}
      title={`${t('votes.correctTitle')} · ${voter?.rooms ?? ''}`}
      initialValues={{ choice: ballot?.choice }}
      submit={(v) => correct.mutateAsync({ ballotId: ballot?.id ?? '', version: ballot?.version ?? 0, ...v })}
    >
      <Form.Item name="choice" label={t('votes.choice')} rules={[{ required: true }]}>
        <SelectChoice />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('votes.reason')}
        rules={[{ required: true, whitespace: true, min: 2 }]}
      >
        <Input.TextArea maxLength={limits.shortNote.max} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

function SelectChoice({ value, onChange }: { value?: VoteChoice; onChange?: (v: VoteChoice) => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      {(['for', 'against', 'abstain'] as const).map((c) => (
        <Button key={c} type={value === c ? 'primary' : 'default'} onClick={() => onChange?.(c)}>
          {t(`votes.${c}Label`)}
        </Button>
      ))}
    </Space>
  );
}

function OccupiedModal({
  vote,
  voter,
  onClose,
}: {
  vote: VoteDetail;
  voter: Voter | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const mark = useMarkOccupied(vote.id);
  return (
    <FormModal<{ note?: string }, Voter>
      open={Boolean(voter)}
      onClose={onClose}
      name="markOccupied"
      form={form}
      fields={['note']}
      title={`${t('votes.occupiedMark')} · ${voter?.rooms ?? ''}`}
      submit={(v) => mark.mutateAsync({ voterKey: voter?.key ?? '', occupied: true, note: v.note })}
      onSaved={(saved) => void message.success(t('votes.occupiedSaved', { rooms: saved.rooms }))}
    >
      <Typography.Paragraph type="secondary">{t('votes.consentRule')}</Typography.Paragraph>
      <Form.Item name="note" label={t('votes.occupiedNote')}>
        <Input maxLength={limits.shortNote.max} />
      </Form.Item>
    </FormModal>
  );
}

function Register({ vote }: { vote: VoteDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 300);
  const voters = useVoters(vote.id, { ...page, q: search || undefined });
  const [correcting, setCorrecting] = useState<Voter | null>(null);
  const [marking, setMarking] = useState<Voter | null>(null);
  const attach = useAttachScan(vote.id);
  const unmark = useMarkOccupied(vote.id);
  const manage = vote.canManage && vote.status === 'open';
  const lift = vote.tally?.consent != null;
  const isPhone = useIsPhone();
  return (
    <Card
      title={t('votes.register')}
      size="small"
      extra={
        <Input.Search
          allowClear
          placeholder={t('votes.entrySearch')}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 240 }}
        />
      }
    >
      <Table<Voter>
        size="small"
        rowKey="key"
        loading={voters.isFetching}
        dataSource={voters.data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={{
          ...serverPagination(page, voters.data, t, isPhone),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('votes.rooms'), dataIndex: 'rooms' },
          { title: t('votes.owner'), dataIndex: 'name' },
          { title: t('votes.area'), dataIndex: 'area', align: 'right' },
          ...(lift
            ? [
                {
                  title: t('votes.occupied'),
                  key: 'occupied',
                  render: (_x: unknown, v: Voter) => (
                    <Space size={4} wrap>
                      {v.occupied && <Tag color="orange">{v.occupiedNote ?? t('votes.occupied')}</Tag>}
                      {manage &&
                        (v.occupied ? (
                          <Button
                            size="small"
                            loading={unmark.isPending}
                            onClick={() =>
                              unmark.mutate(
                                { voterKey: v.key, occupied: false },
                                { onError: (e) => report(e) },
                              )
                            }
                          >
                            {t('votes.occupiedUnmark')}
                          </Button>
                        ) : (
                          <Button size="small" onClick={() => setMarking(v)}>
                            {t('votes.occupiedMark')}
                          </Button>
                        ))}
                    </Space>
                  ),
                },
              ]
            : []),
          {
            title: t('votes.choice'),
            key: 'choice',
            render: (_x, v) =>
              v.ballot ? (
                <Space size={4} wrap>
                  <Tag color={choiceColors[v.ballot.choice]}>{t(`votes.${v.ballot.choice}Label`)}</Tag>
                  <Typography.Text type="secondary">
                    {t(`votes.channels.${v.ballot.channel}`)}
                  </Typography.Text>
                  {v.ballot.correctionReason && (
                    <Typography.Text type="warning">
                      {t('votes.corrected', { reason: v.ballot.correctionReason })}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('votes.notVoted')}</Typography.Text>
              ),
          },
          {
            title: t('votes.scan'),
            key: 'scan',
            render: (_x, v) => (
              <Space size={4} wrap>
                {v.ballot?.photoIds.map((id, i) => (
                  <a key={id} href={photoUrl(id)} target="_blank" rel="noreferrer">
                    {t('votes.scan')}
                    {i + 1}
                  </a>
                ))}
                {manage && v.ballot?.channel === 'paper' && (
                  <Upload
                    accept="image/jpeg,image/png,image/webp"
                    showUploadList={false}
                    customRequest={({ file }) =>
                      attach.mutate(
                        { ballotId: v.ballot?.id ?? '', file: file as File },
                        {
                          onSuccess: () => void message.success(t('votes.scanAttached')),
                          onError: (e) => report(e),
                        },
                      )
                    }
                  >
                    <Button size="small">{t('votes.attachScan')}</Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          {
            key: 'actions',
            render: (_x, v) =>
              manage && v.ballot ? (
                <Button size="small" onClick={() => setCorrecting(v)}>
                  {t('votes.correct')}
                </Button>
              ) : null,
          },
        ]}
      />
      <CorrectModal vote={vote} voter={correcting} onClose={() => setCorrecting(null)} />
      <OccupiedModal vote={vote} voter={marking} onClose={() => setMarking(null)} />
    </Card>
  );
}

export function VotePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const vote = useVote(id);
  // Opened from a consultation's resolve step: a way back to it.
  const [params] = useSearchParams();
  const consultation = params.get('consultation');
  const openVote = useOpenVote(id);
  const closeVote = useCloseVote(id);
  const v = vote.data;
  if (!v) return <Card loading />;
  const publicUrl = `${window.location.origin}/v/${v.id}`;
  return (
    <Flex vertical gap={16}>
      {consultation && /^[0-9a-f-]{36}$/.test(consultation) && (
        <Link to={`/consultations/${consultation}`}>← {t('votes.backToConsultation')}</Link>
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {v.title}
          </Typography.Title>
          <VoteStatusTag vote={v} />
        </Space>
        <Space wrap>
          {v.canManage && v.status === 'draft' && (
            <Popconfirm
              title={t('votes.openConfirm')}
              onConfirm={() =>
                openVote.mutate(v.version, {
                  onSuccess: () => void message.success(t('votes.opened')),
                  onError: (e) => report(e),
                })
              }
            >
              <Button type="primary" loading={openVote.isPending}>
                {t('votes.open')}
              </Button>
            </Popconfirm>
          )}
          {v.canManage && v.status === 'open' && (
            <Popconfirm
              title={t('votes.closeConfirm')}
              onConfirm={() =>
                closeVote.mutate(v.version, {
                  onSuccess: () => void message.success(t('votes.closed')),
                  onError: (e) => report(e),
                })
              }
            >
              <Button danger loading={closeVote.isPending}>
                {t('votes.close')}
              </Button>
            </Popconfirm>
          )}
          {v.status !== 'draft' && (
            <>
              <Button href={downloadUrl(votesEndpoints.exportVote, { params: { id: v.id } })} download>
                {t('votes.exportXlsx')}
              </Button>
              <Button href={`/print/votes/${v.id}`} target="_blank">
                {t('votes.print')}
              </Button>
              {v.canManage && v.status === 'open' && (
                <Button href={`/print/votes/${v.id}/notices`} target="_blank">
                  {t('votes.notices')}
                </Button>
              )}
            </>
          )}
        </Space>
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('votes.compound')}>{v.compoundName}</Descriptions.Item>
          <Descriptions.Item label={t('votes.scope')}>
            {scopeOf(v, t('votes.scopes.compound'))}
          </Descriptions.Item>
          <Descriptions.Item label={t('votes.matter')}>{t(`votes.matters.${v.matter}`)}</Descriptions.Item>
          <Descriptions.Item label={t('votes.dates')}>
            {v.startsOn} ~ {v.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('votes.ballots')}>
            {v.ballots} / {v.voters}
          </Descriptions.Item>
          {v.status === 'open' && (
            <Descriptions.Item label={t('votes.publicLink')}>
              <Typography.Text copyable>{publicUrl}</Typography.Text>
            </Descriptions.Item>
          )}
          {v.description && (
            <Descriptions.Item label={t('votes.description')}>{v.description}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <TallyCard vote={v} />
        </Col>
        {v.canManage && v.status === 'open' && (
          <Col xs={24} lg={12}>
            <PaperEntry vote={v} />
          </Col>
        )}
      </Row>
      {v.status !== 'draft' && <Register vote={v} />}
    </Flex>
  );
}
