/**
 * 我的台账: the items the signed-in cadre owns, most urgent first, each a card with one large
 * 报告进展 button: made for a phone in one hand on site.
 */
import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Pagination, Segmented, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { type LedgerItem, LedgerListQuery } from '../../../contract/ledger.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { formatDateTime } from '../../shared/format.js';
import { useListParams } from '../../shared/listParams.js';
import { totalText } from '../../shared/pagination.js';
import { useIsPhone } from '../../shared/responsive.js';
import { readDraft } from './drafts.js';
import { ItemDetailDrawer, ItemTitleButton, useItemDetail } from './ItemDetailDrawer.js';
import { LedgerHeader } from './LedgerHeader.js';
import { Deadline, EscalationTag, LedgerStatusTag, PriorityTag } from './labels.js';
import { ProgressDrawer, useReporting } from './ProgressDrawer.js';
import { useMyLedger } from './queries.js';

const shows = ['open', 'done', 'all'] as const;
const MineQuery = LedgerListQuery.pick({ page: true, pageSize: true }).extend({
  show: z.enum(shows).default('open'),
});

function ItemCard({
  item,
  onReport,
  onOpen,
}: {
  item: LedgerItem;
  onReport: (item: LedgerItem) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const hasDraft = item.status === 'open' && readDraft(item.id) !== null;
  return (
    <Card size="small" data-testid="my-item" styles={{ body: { padding: 14 } }}>
      <Flex vertical gap={8}>
        <Flex gap={4} wrap align="center">
          {item.status === 'open' ? (
            <EscalationTag item={item} withReach={false} />
          ) : (
            <LedgerStatusTag status={item.status} />
          )}
          <PriorityTag priority={item.priority} quiet />
          {item.owner.kind === 'unit' && (
            <Tag color="geekblue">{t('ledger.unitItem', { name: item.owner.name })}</Tag>
          )}
          {item.taskForce && <Tag>{item.taskForce.name}</Tag>}
          {hasDraft && (
            <Tag icon={<EditOutlined />} color="warning">
              {t('ledger.draftTag')}
            </Tag>
          )}
        </Flex>
        <ItemTitleButton title={item.title} onOpen={() => onOpen(item.id)} large />
        <Deadline item={item} />
        {item.projectId && (
          <Link to={`/projects/${item.projectId}`}>{item.compoundName ?? t('ledger.project')}</Link>
        )}
        {item.escalatedTo && (
          <Typography.Text type="danger" style={{ fontSize: 13 }}>
            {t('ledger.escalatedTo', { name: item.escalatedTo })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {item.lastProgress
            ? t('ledger.lastProgressAt', {
                time: formatDateTime(item.lastProgress.at),
                note: item.lastProgress.note,
              })
            : t('ledger.noProgress')}
        </Typography.Text>
        {item.status === 'open' && (
          <Button
            type={item.escalation === 'none' ? 'default' : 'primary'}
            size="large"
            block
            icon={<FormOutlined />}
            onClick={() => onReport(item)}
            style={{ height: 48 }}
          >
            {hasDraft ? t('ledger.reportContinue') : t('ledger.report')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

export function MyLedgerPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { query, update } = useListParams(MineQuery);
  const list = useMyLedger({
    page: query.page,
    pageSize: query.pageSize,
    ...(query.show === 'all' ? {} : { status: query.show }),
  });
  const reporting = useReporting(list.refetch);
  const detail = useItemDetail();
  const items = list.data?.items ?? [];

  let content: ReactNode;
  if (list.isPending) content = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (list.isError && !list.data) {
    content = (
      <EmptyHint
        text={t('errors.loadFailed', { message: list.error.message })}
        action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
      />
    );
  } else if (items.length === 0) {
    content = <EmptyHint text={query.show === 'open' ? t('ledger.mineEmpty') : t('ledger.mineEmptyAll')} />;
  } else {
    content = (
      <Flex vertical gap={12}>
        {items.map((item) => (
          <ItemCard key={item.id} item={item} onReport={reporting.open} onOpen={detail.show} />
        ))}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <LedgerHeader />
      <Segmented
        block={isPhone}
        size="large"
        value={query.show}
        onChange={(show) => update({ show: show === 'open' ? undefined : show, page: undefined })}
        options={shows.map((s) => ({ value: s, label: t(`ledger.show.${s}`) }))}
      />
      {list.data && (
        <Typography.Text type="secondary" data-testid="mine-total">
          {totalText(t, list.data)}
        </Typography.Text>
      )}
      {list.isError && list.data && <Alert type="error" showIcon title={list.error.message} />}
      {content}
      {list.data && list.data.total > list.data.pageSize && (
        <Pagination
          simple={isPhone}
          align="center"
          current={query.page}
          pageSize={query.pageSize}
          total={list.data.total}
          onChange={(page) => update({ page })}
          showSizeChanger={false}
        />
      )}
      <ProgressDrawer item={reporting.item} onClose={reporting.close} onConflict={reporting.onConflict} />
      <ItemDetailDrawer id={detail.id} open={detail.open} onClose={detail.close} />
    </Flex>
  );
}
