/**
 * 资金统计 (资金整合): what each source planned, paid in and what was spent, by year and
 * subdistrict, with the programme's totals and a chart by year. Filters live in the URL.
 */
import { Alert, Button, Card, Flex, Form, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FundingTotalsQuery } from '../../../contract/stats.js';
import { type ChartOption, EChart } from '../../shared/EChart.js';
import { EnumFilterField, FilterForm } from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { useScopeName } from '../../shared/regions.js';
import { programmeYears } from '../projects/CreateProjectModal.js';
import { FundingTable } from './FundingTable.js';
import { formatWan } from './money.js';
import { useFundingTotals } from './queries.js';
import { type Amount, amounts, byYear } from './rows.js';

interface Filters {
  from?: number;
  to?: number;
  region?: string;
}

const amountColour: Record<Amount, string> = { planned: '#91caff', received: '#1677ff', spent: '#52c41a' };

function chartOption(years: ReturnType<typeof byYear>, labels: Record<Amount, string>): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (typeof v === 'number' ? formatWan(v) : String(v)),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)), axisTick: { show: false } },
    yAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed' } } },
    series: amounts.map((a) => ({
      type: 'bar' as const,
      name: labels[a],
      data: years.map((y) => y[a]),
      itemStyle: { color: amountColour[a] },
      barMaxWidth: 28,
    })),
  };
}

export function FundingPage() {
  const { t } = useTranslation();
  const scope = useScopeName();
  const { query, update, key } = useListParams(FundingTotalsQuery);
  const totals = useFundingTotals(query);
  const [form] = Form.useForm<Filters>();
  const [perSource, setPerSource] = useState<Amount>('planned');
  const filters: Filters = { from: query.from, to: query.to, region: query.region };
  const apply = (v: Filters) => update({ from: v.from, to: v.to, region: v.region });

  const labels = useMemo(
    () => ({
      planned: t('funding.amounts.planned'),
      received: t('funding.amounts.received'),
      spent: t('funding.amounts.spent'),
    }),
    [t],
  );
  const years = useMemo(() => byYear(totals.data?.rows ?? []), [totals.data]);
  const option = useMemo(() => chartOption(years, labels), [years, labels]);

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('funding.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('funding.hint', { scope })}</Typography.Text>
      </div>
      <Card size="small">
        <FilterForm<Filters>
          name="fundingFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={() => apply({})}
        >
          <EnumFilterField
            name="from"
            label={t('funding.from')}
            values={programmeYears()}
            dependencies={['to']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, from: number | undefined) => {
                  const to = getFieldValue('to') as number | undefined;
                  return from && to && from > to
                    ? Promise.reject(new Error(t('funding.rangeInvalid')))
                    : Promise.resolve();
                },
              }),
            ]}
          />
          <EnumFilterField name="to" label={t('funding.to')} values={programmeYears()} />
          <RegionFilterField
            label={t('funding.region')}
            placeholder={t('inventory.filterRegionPlaceholder')}
            withCompounds
          />
        </FilterForm>
      </Card>
      {totals.isError && (
        <Alert
          type="error"
          showIcon
          title={t('errors.loadFailed', { message: totals.error.message })}
          action={<Button onClick={() => void totals.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      {years.length > 0 && (
        <Card size="small" title={t('funding.chart')}>
          <EChart
            option={option}
            height={280}
            ariaLabel={t('funding.chartAria', {
              figures: years
                .map(
                  (y) => `${y.year} ${formatWan(y.planned)}/${formatWan(y.received)}/${formatWan(y.spent)}`,
                )
                .join('；'),
            })}
            data-testid="funding-chart"
          />
        </Card>
      )}
      <Card size="small" title={t('funding.table')}>
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Flex align="center" gap={8} wrap>
              <Typography.Text>{t('funding.perSource')}</Typography.Text>
              <Segmented<Amount>
                value={perSource}
                onChange={setPerSource}
                options={amounts.map((a) => ({ value: a, label: labels[a] }))}
              />
            </Flex>
            <Typography.Text type="secondary">{t('funding.unit')}</Typography.Text>
          </Flex>
          <FundingTable data={totals.data} loading={totals.isFetching} perSource={perSource} />
        </Flex>
      </Card>
    </Flex>
  );
}
