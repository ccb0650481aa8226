/**
 * Rectification tickets (整改), one flow for every source: the construction unit sends evidence
 * (photos from the camera, a note) from the site; the inspector verifies it or reopens it with a
 * reason. Nobody verifies their own fix: the page does not offer it, and the server refuses it.
 */
import { CameraOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { QualityOverview } from '../../../contract/quality.js';
import { qualityRecordEndpoints } from '../../../contract/quality.js';
import { districtToday } from '../../../domain/ledger.js';
import { addDays } from '../../../domain/quality.js';
import { call } from '../../shared/api.js';
import { FormModal } from '../../shared/FormDrawer.js';
import { dateItemProps, formatDateTime } from '../../shared/format.js';
import { useCan } from '../../shared/session.js';
import { draftKey, useSiteDraft } from './drafts.js';
import { DraftTag, TicketTag } from './labels.js';
import { QualityPhotos } from './photos.js';
import { sendQualityPhoto, useQualityNow, useTakeQuality } from './queries.js';
import { useReportRefusal } from './refusals.js';
import { SiteFormDrawer } from './SiteFormDrawer.js';

type Ticket = QualityOverview['tickets'][number];
const versionOf = (q: QualityOverview | undefined, t: Ticket) =>
  q?.tickets.find((x) => x.id === t.id)?.version ?? t.version;

function EvidenceForm({ q, ticket }: { q: QualityOverview; ticket: Ticket }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const draft = useSiteDraft<{ note?: string }>(draftKey(q.projectId, `evidence.${ticket.id}`));
  const take = useTakeQuality(q.projectId);
  const now = useQualityNow(q.projectId);
  return (
    <>
      {!open && <DraftTag state={draft.state} />}
      <Button size="small" type="primary" icon={<CameraOutlined />} onClick={() => setOpen(true)}>
        {t('quality.sendEvidence')}
      </Button>
      <SiteFormDrawer<{ note?: string }>
        draft={draft}
        open={open}
        onClose={() => setOpen(false)}
        name={`evidence-${ticket.id}`}
        title={`${t('quality.sendEvidence')} · ${ticket.title}`}
        fields={['note']}
        defaults={{}}
        send={async ({ values, photos, sent }) => {
          for (const photo of photos) {
            await sendQualityPhoto('ticket', ticket.id, photo.file);
            sent(photo);
          }
          take(
            await call(qualityRecordEndpoints.ticketEvidence, {
              params: { id: ticket.id },
              body: { version: versionOf(now(), ticket), note: values.note ?? '' },
            }),
          );
        }}
      >
        <Typography.Paragraph type="secondary">{t('quality.evidenceNeeded')}</Typography.Paragraph>
        <Form.Item name="note" label={t('quality.evidenceNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={limits.shortNote.max} />
        </Form.Item>
      </SiteFormDrawer>
    </>
  );
}

function ReviewButtons({ q, ticket }: { q: QualityOverview; ticket: Ticket }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportRefusal();
  const take = useTakeQuality(q.projectId);
  const now = useQualityNow(q.projectId);
  const [reopening, setReopening] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (!ticket.canVerify)
    return (
      <Typography.Text type="secondary" data-testid="own-fix">
        {t('quality.ownFix')}
      </Typography.Text>
    );
  return (
    <>
      <Popconfirm
        title={t('quality.verifyConfirm')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={async () => {
          setBusy(true);
          try {
            take(
              await call(qualityRecordEndpoints.verifyTicket, {
                params: { id: ticket.id },
                body: { version: versionOf(now(), ticket) },
              }),
            );
            void message.success(t('quality.verified'));
          } catch (error) {
            report(error);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button size="small" type="primary" loading={busy}>
          {t('quality.verify')}
        </Button>
      </Popconfirm>
      <Button size="small" danger onClick={() => setReopening(true)}>
        {t('quality.reopen')}
      </Button>
      <FormModal<{ reason: string }, QualityOverview>
        open={reopening}
        onClose={() => setReopening(false)}
        name={`reopen-${ticket.id}`}
        title={`${t('quality.reopen')} · ${ticket.title}`}
        form={form}
        fields={['reason']}
        okText={t('quality.reopen')}
        submit={async ({ reason }) =>
          take(
            await call(qualityRecordEndpoints.reopenTicket, {
              params: { id: ticket.id },
              body: { version: versionOf(now(), ticket), reason },
            }),
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('quality.reopenReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={limits.shortNote.max} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function OpenTicketButton({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const take = useTakeQuality(q.projectId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; deadline: string }>();
  return (
    <>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('quality.openTicket')}
      </Button>
      <FormModal<{ title: string; deadline: string }, QualityOverview>
        open={open}
        onClose={() => setOpen(false)}
        name="ticket"
        title={t('quality.openTicket')}
        form={form}
        fields={['title', 'deadline']}
        initialValues={{ deadline: addDays(districtToday(), 7) }}
        submit={async (body) =>
          take(await call(qualityRecordEndpoints.openTicket, { params: { id: q.projectId }, body }))
        }
      >
        <Form.Item
          name="title"
          label={t('quality.ticketTitle')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={limits.title.max} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('quality.deadline')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}

export function TicketsPanel({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Card
      title={t('quality.tickets')}
      size="small"
      extra={can('quality.inspect') && <OpenTicketButton q={q} />}
    >
      <List
        dataSource={q.tickets}
        locale={{ emptyText: t('quality.noTickets') }}
        renderItem={(ticket) => (
          <List.Item data-testid="ticket" data-ticket={ticket.title}>
            <Flex vertical gap={6} style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={4} wrap align="center">
                <Typography.Text strong style={{ marginInlineEnd: 4 }}>
                  {ticket.title}
                </Typography.Text>
                <TicketTag ticket={ticket} />
              </Flex>
              <Typography.Text type="secondary">
                {t(`quality.ticketSources.${ticket.source}`)} ·{' '}
                {t('quality.deadlineOn', { date: ticket.deadline })}
              </Typography.Text>
              {ticket.evidenceNote && (
                <Typography.Text>{t('quality.evidenceSaid', { text: ticket.evidenceNote })}</Typography.Text>
              )}
              <QualityPhotos photos={ticket.photos} />
              <Timeline
                style={{ marginTop: 8, marginBottom: -16 }}
                items={ticket.events.map((e, i) => ({
                  key: i,
                  content: (
                    <Typography.Text style={{ fontSize: 13 }}>
                      {formatDateTime(e.at)} {e.by}{' '}
                      {t(`quality.ticketActions.${e.action}`, { defaultValue: e.action })}
                      {e.note ? `：${e.note}` : ''}
                    </Typography.Text>
                  ),
                }))}
              />
              <Flex gap={8} wrap align="center">
                {can('quality.rectify') && (ticket.status === 'open' || ticket.status === 'reopened') && (
                  <EvidenceForm q={q} ticket={ticket} />
                )}
                {can('quality.inspect') && ticket.status === 'evidence_uploaded' && (
                  <ReviewButtons q={q} ticket={ticket} />
                )}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
