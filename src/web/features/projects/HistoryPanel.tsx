/** 记录: the project's audited events as a timeline, and the way to the full audit log for it. */
import { Button, Flex, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { formatDateTime } from '../../shared/format.js';
import { useAuditList } from '../audit/queries.js';

export function HistoryPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const events = useAuditList({ entityId: projectId, page: 1, pageSize: 20 });
  const toLog = () => navigate(`/admin/audit?entityId=${encodeURIComponent(projectId)}`);
  if (events.isPending) return <Skeleton active />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('project.historyHint')}</Typography.Text>
        <Button onClick={toLog}>{t('project.openAudit')}</Button>
      </Flex>
      {events.isError ? (
        <EmptyHint text={t('errors.loadFailed', { message: events.error.message })} />
      ) : events.data.items.length === 0 ? (
        <EmptyHint text={t('project.historyEmpty')} />
      ) : (
        <Timeline
          style={{ paddingTop: 8 }}
          items={events.data.items.map((e) => ({
            key: e.seq,
            color: e.outcome === 'ok' ? 'blue' : 'red',
            title: formatDateTime(e.at),
            content: (
              <span>
                {e.actorName} · <Typography.Text code>{e.action}</Typography.Text>
              </span>
            ),
          }))}
        />
      )}
    </Flex>
  );
}
