/**
 * 总览: the programme's headline figures as the seed letter states them (compounds, old compounds
 * and their shares; what was renovated over a span of years) and compounds per subdistrict.
 */
import { DesktopOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Select, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SummaryQuery } from '../../../contract/stats.js';
import { currentLanguage } from '../../i18n/index.js';
import { type ChartOption, EChart } from '../../shared/EChart.js';
import { useListParams } from '../../shared/listParams.js';
import { formatLarge, formatNumber, formatPercent } from '../../shared/numbers.js';
import { useScopeName } from '../../shared/regions.js';
import { type CountedRegion, useRegionTree } from '../../shared/regionTree.js';
import { useIsPhone } from '../../shared/responsive.js';
import { DashboardCharts } from './DashboardCharts.js';
import { useSummary } from './queries.js';

/** The seed letter reports 2019–2022; the page opens on that span. */
const defaultSpan = { from: 2019, to: 2022 } as const;
const firstYear = 2000;

/**
 * "283.5万" → value "283.5", unit "万", so 万 joins the figure's own unit (283.5 万㎡); in English
 * the compact form stays whole (2.8M m²).
 */
function splitLarge(n: number): { value: string; unit: string } {
  const text = formatLarge(n);
  const match = currentLanguage() === 'en' ? null : /^(-?[\d.,]+)(\D*)$/.exec(text);
  return match ? { value: match[1] ?? text, unit: match[2] ?? '' } : { value: text, unit: '' };
}

/** A headline figure; its definition shows on hover over the title. */
export function Figure({
  title,
  definition,
  value,
  unit,
  testId,
}: {
  title: string;
  definition: string;
  value: number;
  unit: string;
  testId: string;
}) {
  const parts = splitLarge(value);
  return (
    <Statistic
      title={
        <Tooltip title={definition}>
          <span data-testid={`${testId}-title`}>
            {title} <QuestionCircleOutlined style={{ fontSize: 12 }} />
          </span>
        </Tooltip>
      }
      value={parts.value}
      suffix={`${parts.unit}${unit}`}
      data-testid={testId}
      styles={{ content: { fontSize: 26 }, suffix: { fontSize: 15 } }}
    />
  );
}

function YearSpan({
  from,
  to,
  onChange,
}: {
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i);
  const options = (allowed: (y: number) => boolean) =>
    years.map((y) => ({ value: y, label: String(y), disabled: !allowed(y) }));
  return (
    <Flex align="center" gap={4}>
      <Select
        aria-label={t('overview.fromYear')}
        value={from}
        options={options((y) => y <= to)}
        onChange={(y: number) => onChange(y, to)}
        style={{ width: 92 }}
        popupMatchSelectWidth={false}
      />
      <span>–</span>
      <Select
        aria-label={t('overview.toYear')}
        value={to}
        options={options((y) => y >= from)}
        onChange={(y: number) => onChange(from, y)}
        style={{ width: 92 }}
        popupMatchSelectWidth={false}
      />
    </Flex>
  );
}

function subdistrictChart(
  subdistricts: CountedRegion[],
  labels: { all: string; old: string },
  horizontal: boolean,
): ChartOption {
  const names = subdistricts.map((s) => s.name);
  const category = { type: 'category' as const, data: names, axisTick: { show: false } };
  const value = {
    type: 'value' as const,
    minInterval: 1,
    splitLine: { lineStyle: { type: 'dashed' as const } },
  };
  const label = { show: true, position: horizontal ? ('right' as const) : ('top' as const), fontSize: 11 };
  return {
    color: ['#1677ff', '#fa541c'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.all, labels.old] },
    grid: horizontal ? { left: 8, right: 36, top: 36, bottom: 8 } : { left: 8, right: 8, top: 40, bottom: 8 },
    xAxis: horizontal
      ? value
      : { ...category, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      { type: 'bar', name: labels.all, data: subdistricts.map((s) => s.compounds), label, barMaxWidth: 28 },
      {
        type: 'bar',
        name: labels.old,
        data: subdistricts.map((s) => s.oldCompounds),
        label,
        barMaxWidth: 28,
      },
    ],
  };
}

export function OverviewPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { query, update } = useListParams(SummaryQuery);
  const from = query.from ?? defaultSpan.from;
  const to = Math.max(query.to ?? defaultSpan.to, from);
  const summary = useSummary(from, to);
  const regions = useRegionTree();
  const scope = useScopeName();
  const subdistricts = regions.data?.subdistricts ?? [];
  const allLabel = t('overview.compounds');
  const oldLabel = t('overview.oldCompounds');
  const chart = useMemo(
    () => subdistrictChart(subdistricts, { all: allLabel, old: oldLabel }, isPhone),
    [subdistricts, allLabel, oldLabel, isPhone],
  );

  if (summary.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (summary.isError && !summary.data) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('errors.loadFailed', { message: summary.error.message })}
        action={<Button onClick={() => void summary.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const s = summary.data;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('overview.title')}
        </Typography.Title>
        <Button icon={<DesktopOutlined />} href="/screen" target="_blank" data-testid="open-screen">
          {t('dashboard.openScreen')}
        </Button>
      </Flex>
      {s.compounds === 0 && <Alert type="info" showIcon title={t('overview.empty')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card
            extra={<Link to="/compounds">{t('overview.viewList')}</Link>}
            title={t('overview.compoundsHint', { scope })}
          >
            <Figure
              title={t('overview.compounds')}
              value={s.compounds}
              unit={t('units.compounds')}
              definition={t('dashboard.definitions.compounds')}
              testId="figure-compounds"
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            extra={<Link to="/compounds?old=true">{t('overview.viewList')}</Link>}
            title={t('overview.oldHint', { year: s.oldCutoffYear })}
          >
            <Flex gap={24} wrap align="end">
              <Figure
                title={t('overview.oldCompounds')}
                value={s.oldCompounds}
                unit={t('units.compounds')}
                definition={t('dashboard.definitions.old')}
                testId="figure-old"
              />
              <Flex vertical gap={4} style={{ paddingBottom: 4 }}>
                <Typography.Text>
                  {t('overview.oldShare', { scope, value: formatPercent(s.oldShare) })}
                </Typography.Text>
                <Typography.Text>
                  {t('overview.shareOfCityOld', { value: formatPercent(s.shareOfCityOld) })}
                </Typography.Text>
              </Flex>
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card
        title={t('overview.renovationTitle', { scope, from: s.fromYear, to: s.toYear })}
        extra={!isPhone && <YearSpan from={from} to={to} onChange={(f, to) => update({ from: f, to })} />}
        loading={summary.isFetching && summary.isPlaceholderData}
      >
        {isPhone && (
          <Flex vertical gap={4} style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{t('overview.yearRange')}</Typography.Text>
            <YearSpan from={from} to={to} onChange={(f, to) => update({ from: f, to })} />
          </Flex>
        )}
        <Row gutter={[16, 24]}>
          <Col xs={12} sm={8} lg={{ flex: '20%' }}>
            <Figure
              title={t('overview.renovatedCompounds')}
              value={s.renovatedCompounds}
              unit={t('units.compounds')}
              definition={t('dashboard.definitions.renovated')}
              testId="figure-renovated"
            />
          </Col>
          <Col xs={12} sm={8} lg={{ flex: '20%' }}>
            <Figure
              title={t('overview.buildings')}
              value={s.buildings}
              unit={t('units.buildings')}
              definition={t('dashboard.definitions.buildings')}
              testId="figure-buildings"
            />
          </Col>
          <Col xs={12} sm={8} lg={{ flex: '20%' }}>
            <Figure
              title={t('overview.floorArea')}
              value={s.floorArea}
              unit={t('units.area')}
              definition={t('dashboard.definitions.area')}
              testId="figure-area"
            />
          </Col>
          <Col xs={12} sm={8} lg={{ flex: '20%' }}>
            <Figure
              title={t('overview.households')}
              value={s.households}
              unit={t('units.households')}
              definition={t('dashboard.definitions.households')}
              testId="figure-households"
            />
          </Col>
          <Col xs={12} sm={8} lg={{ flex: '20%' }}>
            <Figure
              title={t('overview.residents')}
              value={s.residents}
              unit={t('units.residents')}
              definition={t('dashboard.definitions.residents')}
              testId="figure-residents"
            />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0' }}>
          {t('overview.renovatedHint')}
        </Typography.Paragraph>
        {s.renovatedWithUnknownFigures > 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="figures-unknown">
            {t('overview.unknownFiguresHint', { count: formatNumber(s.renovatedWithUnknownFigures) })}
          </Typography.Paragraph>
        )}
      </Card>
      {subdistricts.length > 0 && (
        <Card
          title={t('overview.bySubdistrict')}
          extra={
            !isPhone && <Typography.Text type="secondary">{t('overview.bySubdistrictHint')}</Typography.Text>
          }
        >
          <EChart
            option={chart}
            height={isPhone ? Math.max(260, subdistricts.length * 52 + 60) : 360}
            ariaLabel={t('overview.chartAria', {
              figures: subdistricts.map((r) => `${r.name} ${r.compounds}/${r.oldCompounds}`).join(', '),
            })}
            onClick={(event) => {
              const region = subdistricts[event.dataIndex];
              if (region) navigate(`/compounds?region=${region.code}`);
            }}
            data-testid="subdistrict-chart"
          />
          {isPhone && <Typography.Text type="secondary">{t('overview.bySubdistrictHint')}</Typography.Text>}
        </Card>
      )}
      <DashboardCharts from={from} to={to} />
    </Flex>
  );
}
