/** The ledger as a table: the list of all items, and a project's own items. A title opens the item's detail. */
import {
  Button,
  Flex,
  Grid,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedgerItem } from '../../../contract/ledger.js';
import { formatDateTime } from '../../shared/format.js';
import { useIsPhone } from '../../shared/responsive.js';
import { ItemDetailDrawer, ItemTitleButton, useItemDetail } from './ItemDetailDrawer.js';
import {
  Deadline,
  EscalationTag,
  type LedgerStatus,
  LedgerStatusTag,
  OwnerCell,
  PriorityTag,
} from './labels.js';

export function LedgerTable({
  items,
  loading,
  pagination,
  onPage,
  emptyText,
  onReport,
  showProject = true,
}: {
  items: LedgerItem[];
  loading?: boolean;
  pagination: TablePaginationConfig | false;
  onPage?: (page: TablePaginationConfig) => void;
  emptyText: ReactNode;
  /** Offers 报告进展 on open items when given. */
  onReport?: (item: LedgerItem) => void;
  showProject?: boolean;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const wide = Grid.useBreakpoint().xxl ?? false;
  const detail = useItemDetail();
  const columns: TableColumnsType<LedgerItem> = [
    {
      key: 'title',
      title: t('ledger.item'),
      dataIndex: 'title',
      render: (title: string, item) => (
        <Flex vertical style={{ minWidth: 160, maxWidth: 280 }}>
          <ItemTitleButton title={title} onOpen={() => detail.show(item.id)} />
          {showProject && item.projectId && (
            <Link to={`/projects/${item.projectId}?tab=ledger`} style={{ fontSize: 12 }}>
              {item.compoundName ?? t('ledger.project')}
            </Link>
          )}
        </Flex>
      ),
    },
    {
      key: 'escalation',
      title: t('ledger.escalation'),
      render: (_, item) =>
        item.escalation === 'none' ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <EscalationTag item={item} />
        ),
    },
    {
      key: 'owner',
      title: t('ledger.owner'),
      // Below 1600 px the task force has no column of its own: it goes under the owner.
      render: (_, item) =>
        wide || !item.taskForce ? (
          <OwnerCell owner={item.owner} />
        ) : (
          <Flex vertical>
            <OwnerCell owner={item.owner} />
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {item.taskForce.name}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      key: 'taskForce',
      title: t('ledger.taskForce'),
      // Below 1600 px the key columns (status, last progress) stay in view without scrolling.
      responsive: ['xxl'],
      dataIndex: 'taskForce',
      render: (f: LedgerItem['taskForce']) =>
        f ? (
          <span style={{ whiteSpace: 'nowrap' }}>{f.name}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { key: 'deadline', title: t('ledger.deadline'), render: (_, item) => <Deadline item={item} /> },
    {
      key: 'status',
      title: t('ledger.status'),
      dataIndex: 'status',
      render: (s: LedgerStatus, item) => (
        <Flex gap={4}>
          <LedgerStatusTag status={s} />
          <PriorityTag priority={item.priority} quiet />
        </Flex>
      ),
    },
    {
      key: 'progress',
      title: t('ledger.lastProgress'),
      render: (_, item) =>
        item.lastProgress ? (
          <Flex vertical style={{ width: 220 }}>
            <Typography.Paragraph
              ellipsis={{ rows: 2, tooltip: item.lastProgress.note }}
              style={{ margin: 0 }}
            >
              {item.lastProgress.note}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(item.lastProgress.at)}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('ledger.noProgress')}</Typography.Text>
        ),
    },
    {
      key: 'subdistrict',
      title: t('inventory.subdistrict'),
      dataIndex: 'subdistrictName',
      responsive: ['xxl'],
      render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ?? '—'}</span>,
    },
    ...(onReport
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: isPhone ? undefined : ('right' as const),
            render: (_: unknown, item: LedgerItem) =>
              item.status === 'open' && (
                <Button type="link" onClick={() => onReport(item)} style={{ paddingInline: 0 }}>
                  {t('ledger.report')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Table<LedgerItem>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={pagination}
        onChange={(p) => onPage?.(p)}
        scroll={{ x: 'max-content' }}
        size={isPhone ? 'middle' : 'small'}
        locale={{ emptyText }}
      />
      <ItemDetailDrawer id={detail.id} open={detail.open} onClose={detail.close} />
    </>
  );
}
