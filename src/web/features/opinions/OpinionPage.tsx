/**
 * One opinion: what the resident wrote (as text), their photo, and staff's answer; it may be
 * answered, closed, or turned into a rectification ticket or a supervision-ledger item.
 */
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Image,
  Input,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { limits } from '../../../contract/common.js';
import { priorities } from '../../../contract/ledger.js';
import { type OpinionDetail, opinionLimits } from '../../../contract/opinions.js';
import { districtToday } from '../../../domain/ledger.js';
import { addDays } from '../../../domain/quality.js';
import { FormModal } from '../../shared/FormDrawer.js';
import { dateItemProps, formatDateTime } from '../../shared/format.js';
import { useCan } from '../../shared/session.js';
import { CadreSelect } from '../organisation/pickers.js';
import { statusColors } from './InboxPage.js';
import { useAnswer, useClose, useOpinion, useToLedger, useToTicket } from './queries.js';

type Dialog = 'answer' | 'ticket' | 'ledger' | null;

function AnswerModal({ o, open, onClose }: { o: OpinionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useAnswer(o.id);
  return (
    <FormModal<{ answer: string }, unknown>
      open={open}
      onClose={onClose}
      name="answerOpinion"
      form={form}
      fields={['answer']}
      title={t('opinions.answerTitle')}
      initialValues={{ answer: o.answer ?? '' }}
      submit={(v) => answer.mutateAsync({ version: o.version, answer: v.answer })}
    >
      <Form.Item name="answer" label={t('opinions.answer')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={5} maxLength={opinionLimits.answer.max} showCount />
      </Form.Item>
    </FormModal>
  );
}

interface TicketValues {
  projectId: string;
  title: string;
  deadline: string;
}
function TicketModal({ o, open, onClose }: { o: OpinionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TicketValues>();
  const turn = useToTicket(o.id);
  return (
    <FormModal<TicketValues, unknown>
      open={open}
      onClose={onClose}
      name="opinionTicket"
      form={form}
      fields={['projectId', 'title', 'deadline']}
      title={t('opinions.toTicketTitle')}
      initialValues={{
        projectId: o.projects[0]?.id,
        title: `${o.category}：${o.text}`.slice(0, limits.title.max),
        deadline: addDays(districtToday(), 7),
      }}
      submit={(v) => turn.mutateAsync({ ...v, version: o.version })}
    >
      <Form.Item name="projectId" label={t('opinions.project')} rules={[{ required: true }]}>
        <Select options={o.projects.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('opinions.ticketTitle')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={limits.title.max} />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('opinions.deadline')}
        rules={[{ required: true }]}
        {...dateItemProps}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

interface LedgerValues {
  title: string;
  ownerCadreId: string;
  deadline: string;
  priority: (typeof priorities)[number];
}
function LedgerModal({ o, open, onClose }: { o: OpinionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LedgerValues>();
  const turn = useToLedger(o.id);
  return (
    <FormModal<LedgerValues, unknown>
      open={open}
      onClose={onClose}
      name="opinionLedger"
      form={form}
      fields={['title', 'ownerCadreId', 'deadline', 'priority']}
      title={t('opinions.toLedgerTitle')}
      initialValues={{
        title: `群众意见：${o.compoundName} ${o.category}`.slice(0, limits.title.max),
        deadline: addDays(districtToday(), 14),
        priority: 'normal',
      }}
      submit={(v) =>
        turn.mutateAsync({
          ...v,
          version: o.version,
          ...(o.projects[0] ? { projectId: o.projects[0].id } : {}),
        })
      }
    >
      <Form.Item name="title" label={t('opinions.ledgerItem')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.title.max} />
      </Form.Item>
      <Form.Item name="ownerCadreId" label={t('opinions.owner')} rules={[{ required: true }]}>
        <CadreSelect region={o.regionCode.slice(0, 9)} />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('opinions.deadline')}
        rules={[{ required: true }]}
        {...dateItemProps}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="priority" label={t('opinions.priority')}>
        <Select options={priorities.map((p) => ({ value: p, label: t(`ledger.priorities.${p}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

export function OpinionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { modal, message } = App.useApp();
  const can = useCan();
  const opinion = useOpinion(id);
  const close = useClose(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const o = opinion.data;
  if (!o) return <Card loading />;
  const open = o.status !== 'closed';
  const turned = o.status === 'ticket' || o.status === 'ledger';
  return (
    <Flex vertical gap={16}>
      <Link to="/opinions">{t('opinions.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {o.compoundName} · {o.category}
        </Typography.Title>
        <Tag color={statusColors[o.status]}>{t(`opinions.statuses.${o.status}`)}</Tag>
      </Flex>
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('opinions.createdAt')}>{formatDateTime(o.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('opinions.contact')}>
            {o.contact ?? t('opinions.noContact')}
          </Descriptions.Item>
          <Descriptions.Item label={t('opinions.text')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="opinion-text">
              {o.text}
            </Typography.Paragraph>
          </Descriptions.Item>
          {o.photoIds.length > 0 && (
            <Descriptions.Item label={t('opinions.photos')}>
              <Space wrap>
                {o.photoIds.map((p) => (
                  <Image key={p} src={`/api/photos/${p}`} width={120} />
                ))}
              </Space>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('opinions.answer')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="opinion-answer">
              {o.answer ?? t('opinions.noAnswer')}
            </Typography.Paragraph>
          </Descriptions.Item>
          {o.answeredBy && (
            <Descriptions.Item label={t('opinions.answeredBy')}>
              {o.answeredBy} · {formatDateTime(o.answeredAt)}
            </Descriptions.Item>
          )}
          {o.ticket && (
            <Descriptions.Item label={t('opinions.ticket')}>
              <Link to={`/projects/${o.ticket.projectId}/quality`}>{o.ticket.title}</Link>
            </Descriptions.Item>
          )}
          {o.ledgerItem && (
            <Descriptions.Item label={t('opinions.ledgerItem')}>{o.ledgerItem.title}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {open && can('opinion.handle') && (
        <Space wrap>
          <Button type="primary" onClick={() => setDialog('answer')}>
            {t('opinions.answer')}
          </Button>
          {!turned && can('quality.inspect') && o.projects.length > 0 && (
            <Button onClick={() => setDialog('ticket')}>{t('opinions.toTicket')}</Button>
          )}
          {!turned && can('ledger.write') && (
            <Button onClick={() => setDialog('ledger')}>{t('opinions.toLedger')}</Button>
          )}
          <Button
            onClick={() =>
              modal.confirm({
                title: t('opinions.closeConfirm'),
                onOk: async () => {
                  await close.mutateAsync({ version: o.version });
                  void message.success(t('opinions.closed'));
                },
              })
            }
          >
            {t('opinions.close')}
          </Button>
        </Space>
      )}
      <AnswerModal o={o} open={dialog === 'answer'} onClose={() => setDialog(null)} />
      <TicketModal o={o} open={dialog === 'ticket'} onClose={() => setDialog(null)} />
      <LedgerModal o={o} open={dialog === 'ledger'} onClose={() => setDialog(null)} />
    </Flex>
  );
}
