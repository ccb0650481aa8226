/** The quality page's tags: gate, ticket, concealed-works and sample states, and a field form's draft state. */
import { CheckCircleFilled, CloudUploadOutlined, EditOutlined, SyncOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QualityOverview } from '../../../contract/quality.js';
import type { ConcealedStatus, GateStatus, SampleResult, TicketStatus } from '../../../domain/quality.js';
import type { DraftState } from './drafts.js';

const gateColors: Record<GateStatus, string> = { open: 'default', ready: 'processing', passed: 'success' };
const ticketColors: Record<TicketStatus, string> = {
  open: 'error',
  reopened: 'error',
  evidence_uploaded: 'processing',
  verified: 'success',
};
const concealedColors: Record<ConcealedStatus, string> = {
  requested: 'processing',
  accepted: 'success',
  rejected: 'error',
};
const sampleColors: Record<SampleResult, string> = { pending: 'default', pass: 'success', fail: 'error' };

export function GateTag({ status }: { status: GateStatus }) {
  const { t } = useTranslation();
  return <Tag color={gateColors[status]}>{t(`quality.gateStatuses.${status}`)}</Tag>;
}

export function TicketTag({ ticket }: { ticket: QualityOverview['tickets'][number] }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={ticketColors[ticket.status]} data-testid="ticket-status">
        {t(`quality.ticketStatuses.${ticket.status}`)}
      </Tag>
      {ticket.overdue && <Tag color="red">{t('quality.overdue')}</Tag>}
      {ticket.escalated && <Tag color="volcano">{t('quality.escalated')}</Tag>}
    </>
  );
}

export function ConcealedTag({ status, covered }: { status: ConcealedStatus; covered: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={concealedColors[status]}>{t(`quality.concealedStatuses.${status}`)}</Tag>
      {covered && <Tag>{t('quality.covered')}</Tag>}
    </>
  );
}

export function SampleTag({ result }: { result: SampleResult }) {
  const { t } = useTranslation();
  return <Tag color={sampleColors[result]}>{t(`quality.sampleResults.${result}`)}</Tag>;
}

/** Whether what a field form holds has reached the server: said plainly, on the form and its card. */
export function DraftTag({ state }: { state: DraftState }) {
  const { t } = useTranslation();
  switch (state) {
    case 'empty':
      return null;
    case 'saved':
      return (
        <Tag icon={<CheckCircleFilled />} color="success" data-testid="draft-state">
          {t('quality.draft.saved')}
        </Tag>
      );
    case 'sending':
      return (
        <Tag icon={<CloudUploadOutlined />} color="processing" data-testid="draft-state">
          {t('quality.draft.sending')}
        </Tag>
      );
    case 'retrying':
      return (
        <Tag icon={<SyncOutlined spin />} color="warning" data-testid="draft-state">
          {t('quality.draft.retrying')}
        </Tag>
      );
    case 'unsaved':
      return (
        <Tag icon={<EditOutlined />} color="warning" data-testid="draft-state">
          {t('quality.draft.unsaved')}
        </Tag>
      );
  }
}
