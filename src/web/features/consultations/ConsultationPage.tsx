/**
 * One consultation: its stages as steps, the open stage's form, the questionnaire (its builder
 * until anyone answers), live answers by building, assisted answers and the notices to print.
 */
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Radio,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { limits } from '../../../contract/common.js';
import type {
  Answer,
  AssistedAnswerBody,
  CompleteStageBody,
  ConsultationDetail,
  CorrectAnswerBody,
  Notices,
  QuestionnaireBody,
  ResolutionVote,
  Stage,
} from '../../../contract/consultations.js';
import { districtToday } from '../../../domain/ledger.js';
import { useErrorReporter } from '../../shared/errors.js';
import { FormModal } from '../../shared/FormDrawer.js';
import { dateItemProps, formatDateTime } from '../../shared/format.js';
import { serverPagination } from '../../shared/pagination.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useHouseholds } from '../inventory/queries.js';
import { useCatalogue } from '../projects/queries.js';
import { useVotes } from '../votes/queries.js';
import { CreateVoteDrawer } from '../votes/VotesPage.js';
import { StatusTag } from './labels.js';
import {
  useAnswers,
  useAssistedAnswer,
  useCompleteStage,
  useConsultation,
  useCorrectAnswer,
  useIssueNotices,
  useSetQuestionnaire,
} from './queries.js';

type Detail = ConsultationDetail;

function stepStatus(c: Detail, s: Stage): 'finish' | 'error' | 'process' | 'wait' {
  if (s.outcome === 'failed') return 'error';
  if (s.completedOn) return 'finish';
  return c.currentStage === s.key ? 'process' : 'wait';
}

function StageForm({ c, stage }: { c: Detail; stage: Stage }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<CompleteStageBody>();
  const complete = useCompleteStage(c.id);
  const [drafting, setDrafting] = useState(false);
  const resolve = stage.role === 'resolve';
  // The compound's closed votes: what a resolution may rest on.
  const closedVotes = useVotes(
    { compoundId: c.compoundId, status: 'closed', page: 1, pageSize: 100 },
    resolve,
  );
  const meeting = stage.role === 'deliberate' || stage.role === 'resolve';
  const disclosure = stage.role === 'disclose_resolution' || stage.role === 'disclose_result';
  const fields = [
    'completedOn',
    'attendance',
    'minutes',
    'outcome',
    'outcomeNote',
    'voteId',
    'published',
    'place',
  ];
  const submit = (v: CompleteStageBody) =>
    complete.mutate(
      { ...v, key: stage.key },
      {
        onSuccess: () => {
          void message.success(t('consult.stageDone'));
          form.resetFields();
        },
        onError: (error) => report(error, { form, fields: [...fields, 'key'] }),
      },
    );
  return (
    <Card size="small" title={`${t('consult.completeStage')}：${stage.name}`} data-testid="stage-form">
      <Form
        form={form}
        name={`stage-${stage.key}`}
        layout="vertical"
        initialValues={{ completedOn: districtToday() }}
        onFinish={submit}
      >
        <Form.Item
          name="completedOn"
          label={t('consult.completedOn')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {meeting && (
          <>
            <Form.Item name="attendance" label={t('consult.attendance')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100000} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="minutes"
              label={t('consult.minutes')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={3} maxLength={limits.progressNote.max} />
            </Form.Item>
            <Form.Item name="outcome" label={t('consult.outcome')} rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'passed', label: t('consult.outcomes.passed') },
                  { value: 'failed', label: t('consult.outcomes.failed') },
                ]}
              />
            </Form.Item>
            <Form.Item name="outcomeNote" label={t('consult.outcomeNote')}>
              <Input maxLength={limits.shortNote.max} />
            </Form.Item>
            {resolve && (
              <Form.Item label={t('consult.vote')} extra={t('consult.voteHint')}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="voteId" noStyle>
                    <Select
                      allowClear
                      aria-label={t('consult.vote')}
                      placeholder={t('consult.voteNone')}
                      loading={closedVotes.isFetching}
                      onChange={(id?: string) => {
                        // The resolution's outcome is the vote's.
                        const v = closedVotes.data?.items.find((x) => x.id === id);
                        if (v) form.setFieldValue('outcome', v.passed ? 'passed' : 'failed');
                      }}
                      options={(closedVotes.data?.items ?? []).map((v) => ({
                        value: v.id,
                        label: t('consult.voteOption', {
                          title: v.title,
                          result: v.passed ? t('consult.outcomes.passed') : t('consult.outcomes.failed'),
                        }),
                      }))}
                    />
                  </Form.Item>
                  <Button onClick={() => setDrafting(true)}>{t('consult.voteOpen')}</Button>
                </Space.Compact>
              </Form.Item>
            )}
          </>
        )}
        {disclosure && (
          <>
            <Form.Item
              name="published"
              label={t('consult.published')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={3} maxLength={limits.progressNote.max} />
            </Form.Item>
            <Form.Item name="place" label={t('consult.place')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={limits.title.max} />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={complete.isPending}>
          {stage.role === 'solicit' ? t('consult.solicitClose') : t('consult.completeStage')}
        </Button>
      </Form>
      {resolve && (
        <CreateVoteDrawer
          open={drafting}
          onClose={() => setDrafting(false)}
          prefill={{ compoundId: c.compoundId, scope: 'compound', title: `${c.title}表决` }}
          returnTo={c.id}
        />
      )}
    </Card>
  );
}

/** The owners' vote a resolution rests on: each threshold with its numbers, and a link to the vote. */
function VoteResult({ vote }: { vote: ResolutionVote }) {
  const { t } = useTranslation();
  const m = vote.measures;
  const line = (label: string, x: { text: string; met: boolean }) => (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Space>
        <Typography.Text strong data-testid="resolution-measure">
          {x.text}
        </Typography.Text>
        <Tag color={x.met ? 'green' : 'red'}>{x.met ? t('votes.met') : t('votes.notMet')}</Tag>
      </Space>
    </Flex>
  );
  return (
    <Card
      size="small"
      type="inner"
      data-testid="resolution-vote"
      title={
        <Space wrap>
          {t('consult.voteResult')}
          <Link to={`/votes/${vote.id}`}>{vote.title}</Link>
          {vote.passed !== null && (
            <Tag color={vote.passed ? 'green' : 'red'}>
              {vote.passed ? t('votes.passed') : t('votes.failed')}
            </Tag>
          )}
        </Space>
      }
      extra={<Link to={`/votes/${vote.id}`}>{t('consult.voteOpenLink')}</Link>}
    >
      {m ? (
        <Flex vertical gap={4}>
          <Typography.Text>{t('votes.quorumRule')}</Typography.Text>
          {line(`${t('consult.quorum')} · ${t('consult.byArea')}`, m.quorumArea)}
          {line(`${t('consult.quorum')} · ${t('consult.byHeadcount')}`, m.quorumHeadcount)}
          <Typography.Text>{vote.special ? t('votes.special') : t('votes.general')}</Typography.Text>
          {line(`${t('consult.approval')} · ${t('consult.byArea')}`, m.approvalArea)}
          {line(`${t('consult.approval')} · ${t('consult.byHeadcount')}`, m.approvalHeadcount)}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('consult.voteStillOpen')}</Typography.Text>
      )}
    </Card>
  );
}

function StageRecord({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  const items = [
    { key: 'on', label: t('consult.completedOn'), children: stage.completedOn },
    ...(stage.attendance !== null
      ? [{ key: 'a', label: t('consult.attendance'), children: stage.attendance }]
      : []),
    ...(stage.minutes ? [{ key: 'm', label: t('consult.minutes'), children: stage.minutes }] : []),
    ...(stage.outcome
      ? [{ key: 'o', label: t('consult.outcome'), children: t(`consult.outcomes.${stage.outcome}`) }]
      : []),
    ...(stage.outcomeNote
      ? [{ key: 'n', label: t('consult.outcomeNote'), children: stage.outcomeNote }]
      : []),
    ...(stage.published ? [{ key: 'p', label: t('consult.published'), children: stage.published }] : []),
    ...(stage.place ? [{ key: 'w', label: t('consult.place'), children: stage.place }] : []),
  ];
  return (
    <Flex vertical gap={8}>
      <Descriptions
        size="small"
        column={1}
        title={stage.name}
        extra={
          stage.archivedAt ? (
            <Tag>{t('consult.archived', { at: formatDateTime(stage.archivedAt) })}</Tag>
          ) : null
        }
        items={items}
      />
      {stage.vote && <VoteResult vote={stage.vote} />}
    </Flex>
  );
}

function Builder({ c }: { c: Detail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const catalogue = useCatalogue();
  const [form] = Form.useForm<QuestionnaireBody>();
  const save = useSetQuestionnaire(c.id);
  const items = (catalogue.data?.items ?? []).filter((i) => i.active);
  const optional = items.filter((i) => !i.mandatory);
  const current = c.questionnaire;
  return (
    <Form
      form={form}
      name="questionnaire"
      layout="vertical"
      initialValues={{
        intro: current?.intro ?? t('consult.introDefault'),
        itemCodes: current?.items.filter((i) => !i.mandatory).map((i) => i.code) ?? [],
      }}
      onFinish={(v) =>
        save.mutate(v, {
          onSuccess: () => void message.success(t('consult.questionnaireSaved')),
          onError: (error) => report(error, { form, fields: ['intro', 'itemCodes'] }),
        })
      }
    >
      <Form.Item name="intro" label={t('consult.intro')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={limits.progressNote.max} />
      </Form.Item>
      <Form.Item label={t('consult.mandatoryItems')}>
        <Flex wrap gap={4}>
          {items
            .filter((i) => i.mandatory)
            .map((i) => (
              <Tag key={i.code} color="red">
                {i.name}
              </Tag>
            ))}
        </Flex>
      </Form.Item>
      <Form.Item name="itemCodes" label={t('consult.optionalItems')}>
        <Checkbox.Group options={optional.map((i) => ({ value: i.code, label: i.name }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('consult.saveQuestionnaire')}
      </Button>
    </Form>
  );
}

function AssistModal({ c, open, onClose }: { c: Detail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssistedAnswerBody>();
  const [q, setQ] = useState('');
  const households = useHouseholds(c.compoundId, { pageSize: 100, q: q || undefined });
  const answer = useAssistedAnswer(c.id);
  const optional = (c.questionnaire?.items ?? []).filter((i) => !i.mandatory);
  return (
    <FormModal<AssistedAnswerBody, Detail>
      open={open}
      title={t('consult.assistTitle')}
      name="assistedAnswer"
      form={form}
      initialValues={{ renovate: true, items: [] }}
      fields={['householdId', 'renovate', 'items', 'remarks']}
      submit={(v) => answer.mutateAsync(v)}
      onSaved={() => void message.success(t('consult.answerSaved'))}
      onClose={onClose}
    >
      <Form.Item name="householdId" label={t('consult.household')} rules={[{ required: true }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={t('consult.householdPlaceholder')}
          options={(households.data?.items ?? []).map((h) => ({
            value: h.id,
            label: `${h.building} ${h.unit} ${h.room}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="renovate" label={t('consult.renovate')} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: true, label: t('consult.yes') },
            { value: false, label: t('consult.no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="items" label={t('consult.optionalItems')}>
        <Checkbox.Group options={optional.map((i) => ({ value: i.code, label: i.name }))} />
      </Form.Item>
      <Form.Item name="remarks" label={t('consult.remarks')}>
        <Input.TextArea rows={2} maxLength={limits.shortNote.max} />
      </Form.Item>
    </FormModal>
  );
}

const publicUrl = (path: string) => `${window.location.origin}${path}`;

function NoticesModal({ c, open, onClose }: { c: Detail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useErrorReporter();
  const [buildingId, setBuildingId] = useState<string>();
  const [notices, setNotices] = useState<Notices>();
  const issue = useIssueNotices(c.id);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('consult.noticesTitle')}
      width={720}
      footer={null}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('consult.noticesHint')}</Typography.Text>
        <Space wrap className="no-print">
          <Select
            style={{ minWidth: 160 }}
            aria-label={t('consult.building')}
            placeholder={t('consult.building')}
            value={buildingId}
            onChange={setBuildingId}
            options={c.results.buildings.map((b) => ({ value: b.buildingId, label: b.number }))}
          />
          <Button
            type="primary"
            disabled={!buildingId}
            loading={issue.isPending}
            onClick={() =>
              buildingId &&
              issue.mutate(buildingId, { onSuccess: setNotices, onError: (error) => report(error) })
            }
          >
            {t('consult.issue')}
          </Button>
          <Button disabled={!notices} onClick={() => window.print()}>
            {t('consult.print')}
          </Button>
        </Space>
        {notices && (
          <Table
            size="small"
            rowKey="householdId"
            pagination={false}
            data-testid="notices"
            dataSource={notices.households}
            columns={[
              { title: t('consult.building'), key: 'b', render: () => notices.building },
              { title: t('publicQ.unit'), dataIndex: 'unit' },
              { title: t('publicQ.room'), dataIndex: 'room' },
              {
                title: t('consult.code'),
                dataIndex: 'code',
                render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
              },
              {
                title: t('consult.link'),
                key: 'line',
                render: (_v, h) => t('consult.noticeLine', { url: publicUrl(notices.path), code: h.code }),
              },
            ]}
          />
        )}
      </Flex>
    </Modal>
  );
}

/** Answers by building, items chosen, remarks (residents' text shown as text, never as markup). */
function Results({ c }: { c: Detail }) {
  const { t } = useTranslation();
  const { results } = c;
  const rate = (r: number | null) => (r === null ? '—' : <Progress percent={r} size="small" />);
  return (
    <Flex vertical gap={12}>
      <Table
        size="small"
        rowKey="buildingId"
        pagination={false}
        data-testid="results"
        scroll={{ x: true }}
        dataSource={results.buildings}
        columns={[
          { title: t('consult.building'), dataIndex: 'number' },
          { title: t('consult.households'), dataIndex: 'households' },
          { title: t('consult.answered'), dataIndex: 'answered' },
          { title: t('consult.assisted'), dataIndex: 'assisted' },
          { title: t('consult.renovateYes'), dataIndex: 'renovateYes' },
          { title: t('consult.rate'), dataIndex: 'rate', render: rate, width: 160 },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('consult.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{results.total.households}</Table.Summary.Cell>
            <Table.Summary.Cell index={2}>
              <span data-testid="answered-total">{results.total.answered}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>{results.total.assisted}</Table.Summary.Cell>
            <Table.Summary.Cell index={4}>{results.total.renovateYes}</Table.Summary.Cell>
            <Table.Summary.Cell index={5}>{rate(results.total.rate)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Text strong>{t('consult.items')}</Typography.Text>
      <Flex wrap gap={4}>
        {results.items.map((i) => (
          <Tag key={i.code}>
            {i.name} {i.chosen}
          </Tag>
        ))}
      </Flex>
      <Typography.Text strong>{t('consult.remarks')}</Typography.Text>
      {results.remarks.length === 0 ? (
        <Typography.Text type="secondary">{t('consult.noRemarks')}</Typography.Text>
      ) : (
        results.remarks.map((r) => (
          <Typography.Paragraph key={`${r.building}-${r.unit}-${r.room}`} style={{ margin: 0 }}>
            <Typography.Text type="secondary">
              {r.building} {r.unit} {r.room}
              {r.assisted ? ` · ${t('consult.assisted')}` : ''}
              {r.corrected ? ` · ${t('consult.correctedTag')}` : ''}：
            </Typography.Text>
            {r.text}
          </Typography.Paragraph>
        ))
      )}
    </Flex>
  );
}

type CorrectValues = Omit<CorrectAnswerBody, 'version'>;

function CorrectAnswerModal({
  c,
  answer,
  onClose,
}: {
  c: Detail;
  answer: Answer | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectValues>();
  const correct = useCorrectAnswer(c.id);
  const optional = (c.questionnaire?.items ?? []).filter((i) => !i.mandatory);
  return (
    <FormModal<CorrectValues, Answer>
      open={Boolean(answer)}
      title={`${t('consult.correctTitle')} · ${answer ? `${answer.building} ${answer.unit} ${answer.room}` : ''}`}
      name="correctAnswer"
      form={form}
      initialValues={{
        renovate: answer?.renovate,
        items: answer?.items ?? [],
        remarks: answer?.remarks ?? undefined,
      }}
      fields={['renovate', 'items', 'remarks', 'reason']}
      submit={(v) => correct.mutateAsync({ ...v, answerId: answer?.id ?? '', version: answer?.version ?? 0 })}
      onSaved={() => void message.success(t('consult.answerSaved'))}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('consult.correctHint')}</Typography.Paragraph>
      <Form.Item name="renovate" label={t('consult.renovate')} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: true, label: t('consult.yes') },
            { value: false, label: t('consult.no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="items" label={t('consult.optionalItems')}>
        <Checkbox.Group options={optional.map((i) => ({ value: i.code, label: i.name }))} />
      </Form.Item>
      <Form.Item name="remarks" label={t('consult.remarks')}>
        <Input.TextArea rows={2} maxLength={limits.shortNote.max} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('consult.reason')}
        rules={[{ required: true, whitespace: true, min: 2 }]}
      >
        <Input.TextArea rows={2} maxLength={limits.shortNote.max} />
      </Form.Item>
    </FormModal>
  );
}

/** Each household's answer: how it came (online or assisted), corrections, and correcting an assisted one. */
function Answers({ c }: { c: Detail }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [q, setQ] = useState('');
  const answers = useAnswers(c.id, { ...page, q: q.trim() || undefined });
  const [correcting, setCorrecting] = useState<Answer | null>(null);
  const names = new Map((c.questionnaire?.items ?? []).map((i) => [i.code, i.name]));
  const correctable = c.canWrite && Boolean(c.questionnaire?.open);
  const isPhone = useIsPhone();
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('consult.answers')}
        </Typography.Title>
        <Input.Search
          allowClear
          placeholder={t('consult.answersSearch')}
          aria-label={t('consult.answersSearch')}
          onSearch={(v) => {
            setQ(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 260, maxWidth: '100%' }}
        />
      </Flex>
      <Table<Answer>
        size="small"
        rowKey="id"
        data-testid="answers"
        loading={answers.isFetching}
        dataSource={answers.data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={{
          ...serverPagination(page, answers.data, t, isPhone),
          onChange: (p, size) => setPage({ page: p, pageSize: size }),
        }}
        columns={[
          { title: t('consult.household'), key: 'h', render: (_x, a) => `${a.building} ${a.unit} ${a.room}` },
          {
            title: t('consult.renovate'),
            dataIndex: 'renovate',
            render: (r: boolean) => (r ? t('consult.yes') : t('consult.no')),
          },
          {
            title: t('consult.items'),
            dataIndex: 'items',
            render: (items: string[]) => items.map((i) => names.get(i) ?? i).join('、'),
          },
          { title: t('consult.remarks'), dataIndex: 'remarks' },
          {
            title: t('consult.status'),
            key: 'how',
            render: (_x, a) => (
              <Space size={4} wrap>
                <Tag>{a.assisted ? t('consult.assisted') : t('consult.online')}</Tag>
                {a.correctionReason && (
                  <Typography.Text type="warning">
                    {t('consult.corrected', { reason: a.correctionReason })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'actions',
            render: (_x, a) =>
              correctable && a.assisted ? (
                <Button size="small" onClick={() => setCorrecting(a)}>
                  {t('consult.correct')}
                </Button>
              ) : null,
          },
        ]}
      />
      <CorrectAnswerModal c={c} answer={correcting} onClose={() => setCorrecting(null)} />
    </Flex>
  );
}

function Questionnaire({ c }: { c: Detail }) {
  const { t } = useTranslation();
  const [assisting, setAssisting] = useState(false);
  const [printing, setPrinting] = useState(false);
  const q = c.questionnaire;
  const solicitOpen =
    c.stages.some((s) => s.role === 'solicit' && !s.completedOn) && c.status === 'in_progress';
  const editable = c.canWrite && solicitOpen && c.results.total.answered === 0;
  const link = publicUrl(`/q/${c.compoundId}`);
  return (
    <Card
      size="small"
      title={t('consult.questionnaire')}
      extra={
        q ? (
          <Tag color={q.open ? 'green' : 'default'}>
            {q.open ? t('consult.questionnaireOpen') : t('consult.questionnaireClosed')}
          </Tag>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {q && (
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('consult.link')}：
            <Typography.Text copyable data-testid="public-link">
              {link}
            </Typography.Text>
          </Typography.Paragraph>
        )}
        {editable ? (
          <Builder c={c} />
        ) : (
          q && (
            <Flex wrap gap={4}>
              {q.items.map((i) => (
                <Tag key={i.code} color={i.mandatory ? 'red' : undefined}>
                  {i.name}
                  {i.mandatory ? ` · ${t('consult.mandatory')}` : ''}
                </Tag>
              ))}
            </Flex>
          )
        )}
        {c.canWrite && q?.open && (
          <Space wrap>
            <Button onClick={() => setPrinting(true)}>{t('consult.notices')}</Button>
            <Button onClick={() => setAssisting(true)}>{t('consult.assist')}</Button>
          </Space>
        )}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('consult.results')}
        </Typography.Title>
        <Results c={c} />
        {c.results.total.answered > 0 && <Answers c={c} />}
      </Flex>
      <AssistModal c={c} open={assisting} onClose={() => setAssisting(false)} />
      <NoticesModal c={c} open={printing} onClose={() => setPrinting(false)} />
    </Card>
  );
}

export function ConsultationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: c } = useConsultation(id);
  if (!c) return null;
  const current = c.stages.find((s) => s.key === c.currentStage);
  const hasSolicit = c.stages.some((s) => s.role === 'solicit');
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {c.compoundName}
        </Typography.Title>
        <StatusTag status={c.status} />
      </Flex>
      <Typography.Text>
        {c.title} · {c.stageListName} · {c.openedOn}
        {c.projectId && (
          <>
            {' · '}
            <Link to={`/projects/${c.projectId}`}>
              {t('consult.project')} {c.projectYear}
            </Link>
          </>
        )}
      </Typography.Text>
      <Card size="small">
        <Steps
          size="small"
          data-testid="stages"
          items={c.stages.map((s) => ({
            title: s.name,
            status: stepStatus(c, s),
            description: s.completedOn ?? t(`consult.roles.${s.role}`),
          }))}
        />
      </Card>
      {c.canWrite && current && <StageForm key={current.key} c={c} stage={current} />}
      {hasSolicit && <Questionnaire c={c} />}
      {c.stages.some((s) => s.completedOn) && (
        <Card size="small" title={t('consult.stages')}>
          <Flex vertical gap={12}>
            {c.stages
              .filter((s) => s.completedOn)
              .map((s) => (
                <StageRecord key={s.key} stage={s} />
              ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
