/**
 * Funding by year × subdistrict: one chosen amount (planned, received or spent) per source, then
 * the three amounts in total, and a totals row. Money in 万元 with two decimals.
 */
import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FundingTotals } from '../../../contract/stats.js';
import { fundingSources } from '../../../domain/projects.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { formatNumber } from '../../shared/numbers.js';
import { useIsPhone } from '../../shared/responsive.js';
import { formatWan } from './money.js';
import { type Amount, amounts, type FundingRow, yearSpans } from './rows.js';

const money = (n: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatWan(n)}</span>;

export function FundingTable({
  data,
  loading,
  perSource,
}: {
  data: FundingTotals | undefined;
  loading: boolean;
  /** Which amount the per-source columns show. */
  perSource: Amount;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const rows = data?.rows ?? [];
  const spans = yearSpans(rows);
  const columns: TableColumnsType<FundingRow> = [
    {
      key: 'year',
      title: t('projects.year'),
      dataIndex: 'year',
      onCell: (_, index) => ({ rowSpan: spans[index ?? 0] ?? 1 }),
    },
    {
      key: 'name',
      title: t('inventory.subdistrict'),
      dataIndex: 'name',
      render: (name: string) => <span style={{ whiteSpace: 'nowrap' }}>{name}</span>,
    },
    {
      key: 'projects',
      title: t('funding.projects'),
      dataIndex: 'projects',
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
    {
      key: 'sources',
      title: t('funding.bySource', { amount: t(`funding.amounts.${perSource}`) }),
      children: fundingSources.map((s) => ({
        key: s,
        title: <span style={{ whiteSpace: 'nowrap' }}>{t(`project.sources.${s}`)}</span>,
        align: 'right' as const,
        render: (_: unknown, r: FundingRow) => money(r.sources[s][perSource]),
      })),
    },
    {
      key: 'total',
      title: t('funding.total'),
      children: amounts.map((a) => ({
        key: a,
        title: t(`funding.amounts.${a}`),
        dataIndex: a,
        align: 'right' as const,
        render: (n: number) => <Typography.Text strong>{money(n)}</Typography.Text>,
      })),
    },
  ];
  const total = data?.total;
  return (
    <Table<FundingRow>
      rowKey={(r) => `${r.year}-${r.regionCode}`}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      bordered
      scroll={{ x: 'max-content' }}
      size={isPhone ? 'middle' : 'small'}
      locale={{ emptyText: <EmptyHint text={t('funding.empty')} /> }}
      data-testid="funding-totals"
      summary={() =>
        total &&
        rows.length > 0 && (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row data-testid="funding-total-row">
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>{t('funding.totalRow')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong>{formatNumber(total.projects)}</Typography.Text>
              </Table.Summary.Cell>
              {fundingSources.map((s, i) => (
                <Table.Summary.Cell key={s} index={3 + i} align="right">
                  <Typography.Text strong>{money(total.sources[s][perSource])}</Typography.Text>
                </Table.Summary.Cell>
              ))}
              {amounts.map((a, i) => (
                <Table.Summary.Cell key={a} index={3 + fundingSources.length + i} align="right">
                  <Typography.Text strong>{money(total[a])}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}
