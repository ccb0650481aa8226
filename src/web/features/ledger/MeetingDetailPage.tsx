/** One meeting: when and what it was, who attended, the problems studied, and the ledger items its decisions created. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../shared/api.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { NotFoundPage } from '../../shell/ResultPages.js';
import { LedgerTable } from './LedgerTable.js';
import { meetingKindColour } from './MeetingListPage.js';
import { useMeeting } from './queries.js';

export function MeetingDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (meeting.isError) {
    if (meeting.error instanceof ApiError && (meeting.error.status === 404 || meeting.error.status === 400)) {
      return <NotFoundPage />;
    }
    return (
      <Alert
        type="error"
        showIcon
        title={t('errors.loadFailed', { message: meeting.error.message })}
        action={<Button onClick={() => void meeting.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const m = meeting.data;
  return (
    <Flex vertical gap={16}>
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/ledger/meetings')}
          style={{ padding: 0 }}
        >
          {t('meetings.back')}
        </Button>
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {m.title}
          </Typography.Title>
          <Tag color={meetingKindColour[m.kind]}>{t(`meeting.kinds.${m.kind}`)}</Tag>
        </Flex>
      </div>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('meetings.heldOn')}>{m.heldOn}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.project')}>
            {m.projectId ? <Link to={`/projects/${m.projectId}`}>{m.compoundName}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inventory.subdistrict')}>{m.subdistrictName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.attendees')}>
            {m.attendees.length > 0 ? m.attendees.join('、') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.problems')} span={2}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {m.problems ?? '—'}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('meetings.decisionsTitle', { count: m.items.length })}
        data-testid="meeting-decisions"
      >
        <LedgerTable
          items={m.items}
          pagination={false}
          showProject={!m.projectId}
          emptyText={<EmptyHint text={t('meetings.noDecisions')} />}
        />
      </Card>
    </Flex>
  );
}
