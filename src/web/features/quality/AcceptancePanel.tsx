/**
 * Gate 5, the completion acceptance: organised by the client with the quality supervision agency
 * told at least 7 working days ahead; six parties sign with remarks or refuse with reasons; it
 * passes when all six have signed and no ticket is open; the filing follows within 15 days.
 */
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { AcceptanceBody, QualityOverview } from '../../../contract/quality.js';
import { qualityRecordEndpoints } from '../../../contract/quality.js';
import {
  type AcceptanceParty,
  acceptanceParties,
  calendarOf,
  earliestAcceptance,
  type SignatureDecision,
} from '../../../domain/quality.js';
import { call } from '../../shared/api.js';
import { FormModal } from '../../shared/FormDrawer.js';
import { dateItemProps, formatDateTime } from '../../shared/format.js';
import { useCan } from '../../shared/session.js';
import { useTakeQuality, useWorkingCalendar } from './queries.js';

function OrganiseButton({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const take = useTakeQuality(q.projectId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AcceptanceBody>();
  const calendar = useWorkingCalendar(open);
  const noticeDate = Form.useWatch('noticeDate', form);
  const earliest =
    noticeDate && calendar.data ? earliestAcceptance(noticeDate, calendarOf(calendar.data.days)) : null;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('quality.organise')}
      </Button>
      <FormModal<AcceptanceBody, QualityOverview>
        open={open}
        onClose={() => setOpen(false)}
        name="acceptance"
        title={t('quality.organise')}
        form={form}
        fields={['noticeDate', 'acceptanceDate', 'agency']}
        initialValues={{ acceptanceDate: q.earliestAcceptance }}
        notice={
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('quality.noticeRule')}
            description={
              earliest
                ? t('quality.earliestFor', { notice: noticeDate, earliest })
                : t('quality.earliestToday', { earliest: q.earliestAcceptance })
            }
            data-testid="earliest"
          />
        }
        submit={async (body) =>
          take(await call(qualityRecordEndpoints.organiseAcceptance, { params: { id: q.projectId }, body }))
        }
      >
        <Form.Item
          name="noticeDate"
          label={t('quality.noticeDate')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="acceptanceDate"
          label={t('quality.acceptanceDate')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="agency" label={t('quality.agency')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function SignModal({
  q,
  party,
  onClose,
}: {
  q: QualityOverview;
  party: AcceptanceParty | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const take = useTakeQuality(q.projectId);
  const [form] = Form.useForm<{ decision: SignatureDecision; remarks?: string }>();
  return (
    <FormModal<{ decision: SignatureDecision; remarks?: string }, QualityOverview>
      open={party !== null}
      onClose={onClose}
      name="signature"
      title={party ? t('quality.signFor', { party: t(`quality.parties.${party}`) }) : ''}
      form={form}
      fields={['decision', 'remarks']}
      initialValues={{ decision: 'signed' }}
      okText={t('quality.submitSignature')}
      submit={async (v) =>
        take(
          await call(qualityRecordEndpoints.signAcceptance, {
            params: { id: q.projectId },
            body: { party: party ?? 'subdistrict', decision: v.decision, remarks: v.remarks ?? '' },
          }),
        )
      }
    >
      <Form.Item name="decision" label={t('quality.decision')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'signed', label: t('quality.decisions.signed') },
            { value: 'refused', label: t('quality.decisions.refused') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.decision !== b.decision}>
        {({ getFieldValue }) => (
          <Form.Item
            name="remarks"
            label={
              getFieldValue('decision') === 'refused' ? t('quality.refuseReasons') : t('quality.remarks')
            }
            rules={[{ required: getFieldValue('decision') === 'refused', whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={limits.shortNote.max} />
          </Form.Item>
        )}
      </Form.Item>
    </FormModal>
  );
}

function FilingButton({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const take = useTakeQuality(q.projectId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ filedOn: string }>();
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('quality.recordFiling')}</Button>
      <FormModal<{ filedOn: string }, QualityOverview>
        open={open}
        onClose={() => setOpen(false)}
        name="filing"
        title={t('quality.recordFiling')}
        form={form}
        fields={['filedOn']}
        submit={async (body) =>
          take(await call(qualityRecordEndpoints.fileAcceptance, { params: { id: q.projectId }, body }))
        }
      >
        <Form.Item
          name="filedOn"
          label={t('quality.filedOn')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** Why the project may not yet be accepted, as the server says it. */
export function AcceptanceBlocks({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  if (q.acceptanceBlocks.length === 0)
    return <Alert type="success" showIcon title={t('quality.noBlocks')} data-testid="acceptance-blocks" />;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="acceptance-blocks"
      title={t('quality.blocked')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {q.acceptanceBlocks.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      }
    />
  );
}

export function AcceptancePanel({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const can = useCan();
  const [signing, setSigning] = useState<AcceptanceParty | null>(null);
  const a = q.acceptance;
  if (!a)
    return (
      <Card title={t('quality.acceptance')} size="small">
        <Flex vertical gap={12} align="start">
          <Typography.Text type="secondary">
            {t('quality.notOrganised', { earliest: q.earliestAcceptance })}
          </Typography.Text>
          {can('quality.manage') && <OrganiseButton q={q} />}
        </Flex>
      </Card>
    );
  const rows = acceptanceParties.map((party) => ({
    party,
    signature: a.signatures.find((s) => s.party === party) ?? null,
  }));
  const open = a.passedAt === null;
  return (
    <Card
      title={t('quality.acceptance')}
      size="small"
      extra={a.passedAt && !a.filedOn && can('quality.manage') && <FilingButton q={q} />}
    >
      <Flex vertical gap={12}>
        {a.passedAt ? (
          <Alert
            type="success"
            showIcon
            data-testid="acceptance-passed"
            title={t('quality.passed', { at: formatDateTime(a.passedAt) })}
            description={a.filedOn ? t('quality.filed', { date: a.filedOn }) : t('quality.filingDue')}
          />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('quality.noticeDate')}>{a.noticeDate}</Descriptions.Item>
          <Descriptions.Item label={t('quality.acceptanceDate')}>{a.acceptanceDate}</Descriptions.Item>
          <Descriptions.Item label={t('quality.earliest')}>{a.earliest}</Descriptions.Item>
          <Descriptions.Item label={t('quality.agency')}>{a.agency}</Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          rowKey="party"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('quality.party'),
              dataIndex: 'party',
              render: (p: AcceptanceParty) => t(`quality.parties.${p}`),
            },
            {
              title: t('quality.decision'),
              key: 'decision',
              render: (_, r) =>
                r.signature ? (
                  <Tag
                    color={r.signature.decision === 'signed' ? 'success' : 'error'}
                    data-testid={`signature-${r.party}`}
                  >
                    {t(`quality.decisions.${r.signature.decision}`)}
                  </Tag>
                ) : (
                  <Tag data-testid={`signature-${r.party}`}>{t('quality.notSigned')}</Tag>
                ),
            },
            {
              title: t('quality.remarks'),
              key: 'remarks',
              render: (_, r) =>
                r.signature ? (
                  <Flex vertical>
                    <span>{r.signature.remarks || '—'}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.signature.by} · {formatDateTime(r.signature.at)}
                    </Typography.Text>
                  </Flex>
                ) : (
                  '—'
                ),
            },
            {
              key: 'sign',
              render: (_, r) =>
                open && q.yourParties.includes(r.party) ? (
                  <Button size="small" type="primary" onClick={() => setSigning(r.party)}>
                    {r.signature ? t('quality.signAgain') : t('quality.sign')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Flex>
      <SignModal q={q} party={signing} onClose={() => setSigning(null)} />
    </Card>
  );
}
