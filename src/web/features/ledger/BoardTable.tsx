/**
 * One of the board's tables: open items per subdistrict or per task force by escalation. A row
 * opens the ledger filtered to it, a count to its items of that escalation.
 */
import { Button, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoardCounts as Counts } from '../../../domain/ledger.js';
import { formatNumber } from '../../shared/numbers.js';
import { useIsPhone } from '../../shared/responsive.js';
import { type Escalation, escalationColour } from './labels.js';

type Counted = 'dueSoon' | 'overdue' | 'seriouslyOverdue';
const counted: { field: Counted; escalation: Exclude<Escalation, 'none'> }[] = [
  { field: 'dueSoon', escalation: 'due_soon' },
  { field: 'overdue', escalation: 'overdue' },
  { field: 'seriouslyOverdue', escalation: 'seriously_overdue' },
];
const fields = ['open', 'dueSoon', 'overdue', 'seriouslyOverdue'] as const;

/** What a row stands for in the ledger list's filters; null when the list cannot filter to it. */
export type BoardFilter = { region: string } | { taskForceId: string } | null;

export function BoardTable<R extends Counts>({
  rows,
  rowKey,
  nameTitle,
  nameOf,
  filterOf,
  onOpen,
  testId,
}: {
  rows: R[];
  rowKey: (row: R) => string;
  nameTitle: string;
  nameOf: (row: R) => string;
  filterOf: (row: R) => BoardFilter;
  onOpen: (filter: NonNullable<BoardFilter>, escalation?: Escalation) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const total = (field: (typeof fields)[number]) => rows.reduce((n, r) => n + r[field], 0);

  const countCell = (escalation: Exclude<Escalation, 'none'>) => (n: number, row: R) => {
    const filter = filterOf(row);
    if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
    if (!filter)
      return <span style={{ color: escalationColour[escalation], fontWeight: 600 }}>{formatNumber(n)}</span>;
    return (
      <Button
        type="link"
        size="small"
        onClick={(e) => {
          e.stopPropagation();
          onOpen(filter, escalation);
        }}
        style={{ color: escalationColour[escalation], fontWeight: 600, padding: 0 }}
        aria-label={`${nameOf(row)} ${t(`ledger.escalations.${escalation}`)} ${n}`}
      >
        {formatNumber(n)}
      </Button>
    );
  };

  const columns: TableColumnsType<R> = [
    {
      key: 'name',
      title: nameTitle,
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{nameOf(row)}</span>,
    },
    {
      key: 'open',
      title: t('ledger.boardOpen'),
      dataIndex: 'open',
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
    ...counted.map(({ field, escalation }) => ({
      key: field,
      title: t(`ledger.escalations.${escalation}`),
      dataIndex: field,
      align: 'right' as const,
      render: countCell(escalation),
    })),
  ];

  return (
    <Table<R>
      rowKey={rowKey}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size={isPhone ? 'middle' : 'small'}
      onRow={(row) => {
        const filter = filterOf(row);
        return filter ? { onClick: () => onOpen(filter), style: { cursor: 'pointer' } } : {};
      }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('ledger.boardTotal')}</Typography.Text>
          </Table.Summary.Cell>
          {fields.map((field, i) => (
            <Table.Summary.Cell key={field} index={i + 1} align="right">
              <Typography.Text strong>{formatNumber(total(field))}</Typography.Text>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
      data-testid={testId}
    />
  );
}
