/**
 * 督办看板: open items per subdistrict and per task force by escalation, the worst first. A row,
 * a bar or a figure opens the list filtered to what it counts.
 */
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { Board } from '../../../contract/ledger.js';
import { type ChartOption, EChart } from '../../shared/EChart.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useScopeName } from '../../shared/regions.js';
import { type BoardFilter, BoardTable } from './BoardTable.js';
import { LedgerHeader } from './LedgerHeader.js';
import { type Escalation, escalationColour } from './labels.js';
import { useBoard } from './queries.js';

type BoardRow = z.infer<typeof Board>['bySubdistrict'][number];
type TaskForceRow = z.infer<typeof Board>['byTaskForce'][number];
type Counted = 'dueSoon' | 'overdue' | 'seriouslyOverdue';
const counted: { field: Counted; escalation: Exclude<Escalation, 'none'> }[] = [
  { field: 'seriouslyOverdue', escalation: 'seriously_overdue' },
  { field: 'overdue', escalation: 'overdue' },
  { field: 'dueSoon', escalation: 'due_soon' },
];

function chartOption(rows: BoardRow[], labels: Record<Counted | 'rest', string>): ChartOption {
  const rest = rows.map((r) => Math.max(0, r.open - r.dueSoon - r.overdue - r.seriouslyOverdue));
  const label = {
    show: true,
    fontSize: 11,
    formatter: (p: { value: unknown }) => (p.value ? String(p.value) : ''),
  };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisTick: { show: false } },
    series: [
      ...counted.map(({ field, escalation }) => ({
        type: 'bar' as const,
        name: labels[field],
        stack: 'open',
        data: rows.map((r) => r[field]),
        itemStyle: { color: escalationColour[escalation] },
        label,
        barMaxWidth: 26,
      })),
      {
        type: 'bar' as const,
        name: labels.rest,
        stack: 'open',
        data: rest,
        itemStyle: { color: '#91caff' },
        label,
        barMaxWidth: 26,
      },
    ],
  };
}

export function BoardPage() {
  const { t } = useTranslation();
  const scope = useScopeName();
  const navigate = useNavigate();
  const board = useBoard();
  // In the server's order, worst first.
  const rows = board.data?.bySubdistrict ?? [];
  const forces = board.data?.byTaskForce ?? [];
  const labels = useMemo(
    () => ({
      dueSoon: t('ledger.escalations.due_soon'),
      overdue: t('ledger.escalations.overdue'),
      seriouslyOverdue: t('ledger.escalations.seriously_overdue'),
      rest: t('ledger.boardOnTrack'),
    }),
    [t],
  );
  const option = useMemo(() => chartOption(rows, labels), [rows, labels]);

  const open = (filter: NonNullable<BoardFilter> | null, escalation?: Escalation) => {
    const search = new URLSearchParams({ status: 'open', ...filter });
    if (escalation) search.set('escalation', escalation);
    navigate(`/ledger?${search.toString()}`);
  };

  const total = (field: keyof Omit<BoardRow, 'regionCode' | 'name'>) =>
    rows.reduce((n, r) => n + r[field], 0);

  if (board.isPending) {
    return (
      <Flex vertical gap={16}>
        <LedgerHeader />
        <Skeleton active paragraph={{ rows: 8 }} />
      </Flex>
    );
  }
  if (board.isError) {
    return (
      <Flex vertical gap={16}>
        <LedgerHeader />
        <Alert
          type="error"
          showIcon
          title={t('errors.loadFailed', { message: board.error.message })}
          action={<Button onClick={() => void board.refetch()}>{t('common.retry')}</Button>}
        />
      </Flex>
    );
  }

  const figures: { key: string; title: string; value: number; colour?: string; escalation?: Escalation }[] = [
    { key: 'open', title: t('ledger.boardOpen'), value: total('open') },
    {
      key: 'due_soon',
      title: labels.dueSoon,
      value: total('dueSoon'),
      colour: escalationColour.due_soon,
      escalation: 'due_soon',
    },
    {
      key: 'overdue',
      title: labels.overdue,
      value: total('overdue'),
      colour: escalationColour.overdue,
      escalation: 'overdue',
    },
    {
      key: 'seriously_overdue',
      title: labels.seriouslyOverdue,
      value: total('seriouslyOverdue'),
      colour: escalationColour.seriously_overdue,
      escalation: 'seriously_overdue',
    },
  ];

  return (
    <Flex vertical gap={16}>
      <LedgerHeader />
      <Typography.Text type="secondary">
        {t('ledger.boardHint', { scope, today: board.data.today })}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={6}>
            <Card
              size="small"
              hoverable
              onClick={() => open(null, f.escalation)}
              data-testid={`board-${f.key}`}
            >
              <Statistic
                title={f.title}
                value={f.value}
                styles={{ content: { color: f.value > 0 ? f.colour : undefined, fontSize: 26 } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {rows.length === 0 ? (
        <EmptyHint text={t('ledger.boardEmpty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('ledger.boardTable')}>
              <BoardTable<BoardRow>
                rows={rows}
                rowKey={(r) => r.regionCode}
                nameTitle={t('inventory.subdistrict')}
                nameOf={(r) => r.name}
                filterOf={(r) => ({ region: r.regionCode })}
                onOpen={open}
                testId="board-table"
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('ledger.boardChart')}>
              <EChart
                option={option}
                height={Math.max(240, rows.length * 40 + 60)}
                ariaLabel={t('ledger.boardAria', {
                  figures: rows
                    .map((r) => `${r.name} ${r.open}/${r.dueSoon}/${r.overdue}/${r.seriouslyOverdue}`)
                    .join('；'),
                })}
                onClick={(e) => {
                  const row = rows[e.dataIndex];
                  const escalation = counted[e.seriesIndex ?? -1]?.escalation;
                  if (row) open({ region: row.regionCode }, escalation);
                }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('ledger.boardByTaskForce')}>
              <BoardTable<TaskForceRow>
                rows={forces}
                rowKey={(r) => r.id ?? 'none'}
                nameTitle={t('ledger.taskForce')}
                nameOf={(r) => r.name ?? t('ledger.noTaskForce')}
                filterOf={(r) => (r.id ? { taskForceId: r.id } : null)}
                onOpen={open}
                testId="board-task-force-table"
              />
            </Card>
          </Col>
        </Row>
      )}
    </Flex>
  );
}
