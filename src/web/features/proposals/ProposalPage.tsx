/** One proposal: its steps, assignment, co-handling inputs, the reply with its live values, review, sign-off, feedback. */

import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Select,
  Steps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { limits } from '../../../contract/common.js';
import {
  disclosures,
  feedbackLevels,
  type ProposalDetail,
  proposalSteps,
  proposalsEndpoints,
  type Reply,
} from '../../../contract/proposals.js';
import { districtToday } from '../../../domain/ledger.js';
import { paragraphsOf, piecesOf } from '../../../domain/proposals.js';
import { downloadUrl } from '../../shared/api.js';
import { useErrorReporter } from '../../shared/errors.js';
import { dateItemProps } from '../../shared/format.js';
import { useCan } from '../../shared/session.js';
import { useUnitList } from '../organisation/queries.js';
import { Commitments } from './Commitments.js';
import { useProposal, useProposalAction, useTemplates } from './queries.js';

const splitNames = (s: string) =>
  s
    .split(/[、,，;；]+/)
    .map((v) => v.trim())
    .filter(Boolean);

function UnitSelect(props: {
  mode?: 'multiple';
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
}) {
  const units = useUnitList({ pageSize: 100 });
  return (
    <Select
      {...props}
      style={{ minWidth: 240 }}
      showSearch={{ optionFilterProp: 'label' }}
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

/** The reply's text with each filled value highlighted; hovering shows where it came from. */
function FilledText({ reply }: { reply: Reply }) {
  const { t } = useTranslation();
  const byKey = new Map(reply.values.map((v) => [v.key, v]));
  return (
    <div data-testid="reply-text">
      {paragraphsOf(reply.body)
        .map((p, i) => ({ ...p, id: `p${i}` }))
        .map((p) => {
          const content = piecesOf(p.text)
            .map((piece, j) => ({ piece, id: `${p.id}-${j}` }))
            .map(({ piece, id: j }) => {
              if ('text' in piece) return <span key={j}>{piece.text}</span>;
              const v = byKey.get(piece.key);
              if (!v) return <span key={j}>{`{{${piece.key}}}`}</span>;
              const period =
                v.from === null
                  ? t('proposals.allYears')
                  : v.from === v.to
                    ? `${v.from}`
                    : `${v.from}—${v.to}`;
              return (
                <Tooltip
                  key={j}
                  title={t('proposals.liveValue', {
                    figure: v.figure,
                    period,
                    region: v.region ?? t('proposals.wholeDistrict'),
                    value: v.value,
                  })}
                >
                  <mark data-figure={v.figure} style={{ background: '#e6f4ff', padding: '0 2px' }}>
                    {v.text}
                  </mark>
                </Tooltip>
              );
            });
          if (p.kind === 'heading1')
            return (
              <Typography.Title key={p.id} level={5}>
                {content}
              </Typography.Title>
            );
          if (p.kind === 'heading2')
            return (
              <Typography.Text key={p.id} strong style={{ display: 'block' }}>
                {content}
              </Typography.Text>
            );
          return <Typography.Paragraph key={p.id}>{content}</Typography.Paragraph>;
        })}
    </div>
  );
}

function ReplyForm({ p, reply }: { p: ProposalDetail; reply: Reply }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const update = useProposalAction(proposalsEndpoints.updateReply, p.id);
  const [form] = Form.useForm();
  const fields = [
    'documentNumber',
    'title',
    'salutation',
    'body',
    'grade',
    'issuer',
    'signatory',
    'contactUnit',
    'contactPhone',
    'copyTo',
  ];
  const submit = (v: Record<string, unknown>) =>
    update.mutate(
      {
        documentNumber: (v.documentNumber as string) || null,
        title: v.title as string,
        salutation: v.salutation as string,
        body: v.body as string,
        grade: (v.grade as string) || null,
        consentToPublish: Boolean(v.consentToPublish),
        issuer: v.issuer as string,
        signatory: (v.signatory as string) || null,
        contactUnit: (v.contactUnit as string) || null,
        contactPhone: (v.contactPhone as string) || null,
        copyTo: splitNames((v.copyTo as string) ?? ''),
      },
      {
        onSuccess: () => void message.success(t('proposals.saved')),
        onError: (error) => report(error, { form, fields }),
      },
    );
  return (
    <Form
      form={form}
      name="reply"
      layout="vertical"
      initialValues={{ ...reply, consentToPublish: p.consentToPublish, copyTo: reply.copyTo.join('、') }}
      onFinish={submit}
    >
      <Flex gap={16} wrap>
        <Form.Item name="documentNumber" label={t('proposals.documentNumber')}>
          <Input maxLength={limits.name.max} placeholder="汴顺政〔2023〕47号" />
        </Form.Item>
        <Form.Item name="grade" label={t('proposals.grade')}>
          <Select
            style={{ width: 280 }}
            allowClear
            options={p.grades.map((g) => ({ value: g.code, label: `${g.code}　${g.label}` }))}
          />
        </Form.Item>
        <Form.Item name="consentToPublish" valuePropName="checked" label=" ">
          <Checkbox>{t('proposals.consentToPublish')}</Checkbox>
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('proposals.replyTitle')} rules={[{ required: true }]}>
        <Input maxLength={limits.title.max} />
      </Form.Item>
      <Form.Item name="salutation" label={t('proposals.salutation')} rules={[{ required: true }]}>
        <Input maxLength={limits.name.max} />
      </Form.Item>
      <Form.Item name="body" label={t('proposals.replyBody')} rules={[{ required: true }]}>
        <Input.TextArea rows={10} maxLength={limits.letterBody.max} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="issuer" label={t('proposals.issuer')} rules={[{ required: true }]}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="signatory" label={t('proposals.signatory')}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="contactUnit" label={t('proposals.contactUnit')}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('proposals.contactPhone')}>
          <Input maxLength={limits.phone.max} />
        </Form.Item>
      </Flex>
      <Form.Item name="copyTo" label={t('proposals.copyTo')} extra={t('proposals.copyToHint')}>
        <Input />
      </Form.Item>
      <Button htmlType="submit" loading={update.isPending}>
        {t('proposals.save')}
      </Button>
    </Form>
  );
}

/** A grade with what it means in the district's list: "B（所提问题正在解决…）". */
function gradeText(p: ProposalDetail, grade: string | null): string {
  if (!grade) return '—';
  const label = p.grades.find((g) => g.code === grade)?.label;
  return label ? `${grade}（${label}）` : grade;
}

/** A small form that runs one action on the proposal. */
function ActionForm({
  name,
  endpoint,
  id,
  submitLabel,
  initialValues,
  children,
  toBody = (v) => v,
  danger,
}: {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: the action endpoints share the (id, body) shape
  endpoint: any;
  id: string;
  submitLabel: string;
  initialValues?: Record<string, unknown>;
  children?: React.ReactNode;
  toBody?: (v: Record<string, unknown>) => unknown;
  danger?: boolean;
}) {
  const report = useErrorReporter();
  const action = useProposalAction(endpoint, id);
  const [form] = Form.useForm();
  return (
    <Form
      form={form}
      name={name}
      layout="inline"
      initialValues={initialValues}
      onFinish={(v) =>
        action.mutate(toBody(v) as never, {
          onSuccess: () => form.resetFields(),
          onError: (error) => report(error, { form, fields: Object.keys(initialValues ?? {}) }),
        })
      }
      style={{ rowGap: 8 }}
    >
      {children}
      <Button type="primary" danger={danger} htmlType="submit" loading={action.isPending}>
        {submitLabel}
      </Button>
    </Form>
  );
}

export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const q = useProposal(id);
  const templates = useTemplates();
  const p = q.data;
  if (!p) return <Card loading={q.isLoading} />;
  const handle = can('proposal.handle');
  const stepIndex = p.status === 'closed' ? proposalSteps.length : proposalSteps.indexOf(p.step);
  const reply = p.reply;
  const today = districtToday();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {p.committee}
        {p.session} 第{p.number}号{t(`proposals.kinds.${p.kind}`)}：{p.title}
      </Typography.Title>
      <Card size="small">
        <Steps
          size="small"
          current={stepIndex}
          items={proposalSteps.map((s) => ({ title: t(`proposals.steps.${s}`) }))}
        />
      </Card>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('proposals.status')}>
            <Tag data-testid="status">{t(`proposals.statuses.${p.status}`)}</Tag>
            {p.overdue && <Tag color="red">{t('proposals.overdue')}</Tag>}
            {p.ledgerItemId && <Tag color="orange">{t('proposals.ledgerItem')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('proposals.members')}>{p.members.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('proposals.receivedOn')}>{p.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t('proposals.leadUnit')}>{p.leadUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('proposals.deadline')}>
            {p.deadline ?? '—'}
            {p.extensionReason ? `（${p.extensionReason}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('proposals.grade')}>
            <span data-testid="grade">{gradeText(p, p.grade)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('proposals.consentToPublish')}>
            {p.consentToPublish ? '✓' : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('proposals.disclosure')}>
            {t(`proposals.disclosures.${p.disclosure}`)}
          </Descriptions.Item>
        </Descriptions>
        {p.body && <Typography.Paragraph type="secondary">{p.body}</Typography.Paragraph>}
      </Card>

      {handle && p.status === 'registered' && (
        <Card size="small" title={t('proposals.assign')}>
          <ActionForm
            name="assign"
            endpoint={proposalsEndpoints.assignProposal}
            id={p.id}
            submitLabel={t('proposals.assign')}
            initialValues={{ leadUnitId: undefined, coUnitIds: [], assignedOn: today }}
          >
            <Form.Item name="leadUnitId" label={t('proposals.leadUnit')} rules={[{ required: true }]}>
              <UnitSelect />
            </Form.Item>
            <Form.Item name="coUnitIds" label={t('proposals.coUnits')}>
              <UnitSelect mode="multiple" />
            </Form.Item>
            <Form.Item
              name="assignedOn"
              label={t('proposals.assignedOn')}
              rules={[{ required: true }]}
              {...dateItemProps}
            >
              <DatePicker />
            </Form.Item>
          </ActionForm>
        </Card>
      )}

      {handle && ['assigned', 'drafted', 'reviewed'].includes(p.status) && (
        <Card size="small" title={t('proposals.extend')}>
          <Typography.Paragraph type="secondary">
            {t('proposals.latestDeadline')}：{p.latestDeadline}
          </Typography.Paragraph>
          <ActionForm
            name="extend"
            endpoint={proposalsEndpoints.extendProposal}
            id={p.id}
            submitLabel={t('proposals.extend')}
            initialValues={{ deadline: undefined, reason: '' }}
          >
            <Form.Item
              name="deadline"
              label={t('proposals.extendTo')}
              rules={[{ required: true }]}
              {...dateItemProps}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item name="reason" label={t('proposals.extensionReason')}>
              <Input maxLength={limits.shortNote.max} />
            </Form.Item>
          </ActionForm>
          {p.status === 'assigned' && (
            <div style={{ marginTop: 8 }}>
              <ActionForm
                name="return"
                endpoint={proposalsEndpoints.returnProposal}
                id={p.id}
                danger
                submitLabel={t('proposals.returnIt')}
                initialValues={{ reason: '' }}
              >
                <Form.Item name="reason" label={t('proposals.returnReason')} rules={[{ required: true }]}>
                  <Input maxLength={limits.shortNote.max} />
                </Form.Item>
              </ActionForm>
            </div>
          )}
        </Card>
      )}

      {p.coUnits.length > 0 && (
        <Card size="small" title={t('proposals.inputs')}>
          <List
            dataSource={p.coUnits}
            renderItem={(c) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Typography.Text strong>{c.unitName}</Typography.Text>
                  {c.input ? (
                    <Typography.Text>
                      {c.input}（{c.inputOn}）
                    </Typography.Text>
                  ) : handle && ['assigned', 'drafted'].includes(p.status) ? (
                    <ActionForm
                      name={`input-${c.unitId}`}
                      endpoint={proposalsEndpoints.addProposalInput}
                      id={p.id}
                      submitLabel={t('proposals.addInput')}
                      initialValues={{ input: '', inputOn: today }}
                      toBody={(v) => ({ ...v, unitId: c.unitId })}
                    >
                      <Form.Item name="input" label={t('proposals.input')} rules={[{ required: true }]}>
                        <Input maxLength={limits.letterBody.max} />
                      </Form.Item>
                      <Form.Item
                        name="inputOn"
                        label={t('proposals.inputOn')}
                        rules={[{ required: true }]}
                        {...dateItemProps}
                      >
                        <DatePicker />
                      </Form.Item>
                    </ActionForm>
                  ) : (
                    <Typography.Text type="secondary">{t('proposals.inputOwed')}</Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}

      {handle && ['assigned', 'drafted'].includes(p.status) && (
        <Card size="small" title={t('proposals.draft')}>
          <ActionForm
            name="draft"
            endpoint={proposalsEndpoints.draftReply}
            id={p.id}
            submitLabel={t('proposals.draft')}
            initialValues={{ templateId: undefined }}
          >
            <Form.Item name="templateId" label={t('proposals.template')} rules={[{ required: true }]}>
              <Select
                style={{ minWidth: 240 }}
                options={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))}
              />
            </Form.Item>
          </ActionForm>
        </Card>
      )}

      {reply && (
        <Card
          size="small"
          title={t('proposals.reply')}
          extra={
            <Flex gap={8}>
              <Button
                size="small"
                href={downloadUrl(proposalsEndpoints.replyDocx, { params: { id: p.id } })}
                download
                icon={<FileWordOutlined />}
              >
                {t('proposals.letterDocx')}
              </Button>
              <Button
                size="small"
                href={downloadUrl(proposalsEndpoints.replyPdf, { params: { id: p.id } })}
                download
                icon={<FilePdfOutlined />}
              >
                PDF
              </Button>
            </Flex>
          }
        >
          {reply.signedAt && (
            <Alert
              type="success"
              style={{ marginBottom: 12 }}
              title={t('proposals.frozen', { on: reply.signedOn, by: reply.signedByName })}
            />
          )}
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('proposals.documentNumber')}>
              {reply.documentNumber ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('proposals.grade')}>{gradeText(p, reply.grade)}</Descriptions.Item>
            <Descriptions.Item label={t('proposals.issuer')}>{reply.issuer}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ textAlign: 'center' }}>
            {reply.title}
          </Typography.Title>
          <Typography.Paragraph>{reply.salutation}</Typography.Paragraph>
          <FilledText reply={reply} />
          {reply.copyTo.length > 0 && (
            <Typography.Paragraph type="secondary">
              {t('proposals.copyTo')}：{reply.copyTo.join('、')}。
            </Typography.Paragraph>
          )}
          {handle && !reply.signedAt && p.status === 'drafted' && (
            <Card size="small" type="inner" title={t('proposals.replyEdit')}>
              <ReplyForm key={reply.draftedAt} p={p} reply={reply} />
            </Card>
          )}
        </Card>
      )}

      {can('proposal.review') && p.status === 'drafted' && (
        <Card size="small" title={t('proposals.steps.reviewed')}>
          <Flex gap={8} wrap>
            <ActionForm
              name="approve"
              endpoint={proposalsEndpoints.reviewReply}
              id={p.id}
              submitLabel={t('proposals.approve')}
              toBody={() => ({ decision: 'approve' })}
            />
            <ActionForm
              name="sendBack"
              endpoint={proposalsEndpoints.reviewReply}
              id={p.id}
              danger
              submitLabel={t('proposals.sendBack')}
              initialValues={{ note: '' }}
              toBody={(v) => ({ decision: 'return', note: v.note })}
            >
              <Form.Item name="note" label={t('proposals.reviewNote')}>
                <Input maxLength={limits.shortNote.max} />
              </Form.Item>
            </ActionForm>
          </Flex>
        </Card>
      )}

      {can('proposal.sign') && p.status === 'reviewed' && (
        <Card size="small" title={t('proposals.sign')}>
          <ActionForm
            name="sign"
            endpoint={proposalsEndpoints.signReply}
            id={p.id}
            submitLabel={t('proposals.sign')}
            initialValues={{ signedOn: today }}
          >
            <Form.Item
              name="signedOn"
              label={t('proposals.signedOn')}
              rules={[{ required: true }]}
              {...dateItemProps}
            >
              <DatePicker />
            </Form.Item>
          </ActionForm>
        </Card>
      )}

      {handle && p.status === 'signed' && (
        <Card size="small" title={t('proposals.send')}>
          <ActionForm
            name="send"
            endpoint={proposalsEndpoints.sendReply}
            id={p.id}
            submitLabel={t('proposals.send')}
            initialValues={{ sentOn: today, disclosure: p.consentToPublish ? 'published' : 'not_published' }}
          >
            <Form.Item
              name="sentOn"
              label={t('proposals.sentOn')}
              rules={[{ required: true }]}
              {...dateItemProps}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item name="disclosure" label={t('proposals.disclosure')}>
              <Select
                style={{ minWidth: 140 }}
                options={disclosures.map((d) => ({ value: d, label: t(`proposals.disclosures.${d}`) }))}
              />
            </Form.Item>
          </ActionForm>
        </Card>
      )}

      {(p.feedback.length > 0 || (handle && p.status === 'replied')) && (
        <Card size="small" title={t('proposals.feedback')}>
          <List
            dataSource={p.feedback}
            locale={{ emptyText: ' ' }}
            renderItem={(f) => (
              <List.Item>
                {f.member}：{t(`proposals.levels.${f.level}`)}
                {f.note ? `（${f.note}）` : ''}
              </List.Item>
            )}
          />
          {handle && p.status === 'replied' && (
            <ActionForm
              name="feedback"
              endpoint={proposalsEndpoints.recordFeedback}
              id={p.id}
              submitLabel={t('proposals.recordFeedback')}
              initialValues={{ member: p.members[0], level: 'satisfied', note: '' }}
              toBody={(v) => ({ ...v, note: (v.note as string) || undefined })}
            >
              <Form.Item name="member" label={t('proposals.member')}>
                <Select style={{ minWidth: 120 }} options={p.members.map((m) => ({ value: m, label: m }))} />
              </Form.Item>
              <Form.Item name="level" label={t('proposals.level')}>
                <Select
                  style={{ minWidth: 120 }}
                  options={feedbackLevels.map((l) => ({ value: l, label: t(`proposals.levels.${l}`) }))}
                />
              </Form.Item>
              <Form.Item name="note" label={t('proposals.note')}>
                <Input maxLength={limits.shortNote.max} />
              </Form.Item>
            </ActionForm>
          )}
        </Card>
      )}

      <Commitments p={p} handle={handle} />
    </Flex>
  );
}
