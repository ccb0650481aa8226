/**
 * The dashboard's charts below the overview's headline figures: trends by year, progress by
 * subdistrict, overdue ledger items, funding by source, compounds by status (with the map), open
 * tickets, removals and the self-removal rate, consultations. Each chart opens its filtered list,
 * and downloads its breakdown as the report sheet (GET /api/stats/breakdown.xlsx, same query).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import type { Breakdown, BreakdownQuery } from '../../../contract/stats.js';
import { statsEndpoints } from '../../../contract/stats.js';
import { downloadUrl } from '../../shared/api.js';
import { type ChartOption, EChart } from '../../shared/EChart.js';
import { formatNumber, formatPercent } from '../../shared/numbers.js';
import { useRegionTree } from '../../shared/regionTree.js';
import { CompoundMap } from '../inventory/CompoundMap.js';
import { useCompoundMap } from '../inventory/queries.js';
import { barOption, clickedKey, lineOption, pieOption } from './charts.js';
import { useBreakdown } from './queries.js';

const noHidden = new Set<never>();

/** Row names in the interface's language: the server's Chinese name unless a message says otherwise. */
export function useRowLabel(prefix: string) {
  const { t } = useTranslation();
  return useCallback(
    (key: string, label: string) => t(`${prefix}.${key}` as 'overview.title', { defaultValue: label }),
    [t, prefix],
  );
}

type Query = z.input<typeof BreakdownQuery>;

/** What each dashboard chart asks for: drawn from it, and downloaded as it is. */
export function dashboardQueries(from: number, to: number) {
  return {
    years: { by: 'year', measure: 'renovatedCompounds,households', from: 2019, to },
    subdistricts: { by: 'subdistrict', measure: 'compounds,renovatedCompounds', from, to },
    ledger: { by: 'subdistrict', measure: 'ledgerOpen,ledgerOverdue' },
    funding: { by: 'source', measure: 'fundingPlanned,fundingReceived', from, to },
    status: { by: 'status', measure: 'compounds' },
    tickets: { by: 'subdistrict', measure: 'openTickets,overdueTickets' },
    illegal: { by: 'subdistrict', measure: 'illegalStructuresRemoved,selfRemovalRate' },
    consultations: { by: 'status', measure: 'consultations' },
  } satisfies Record<string, Query>;
}

/** The dashboard's breakdowns, shared with the screen. */
export function useDashboardBreakdowns(from: number, to: number, refetchInterval?: number) {
  const o = { refetchInterval };
  const q = dashboardQueries(from, to);
  return {
    years: useBreakdown(q.years, o),
    subdistricts: useBreakdown(q.subdistricts, o),
    ledger: useBreakdown(q.ledger, o),
    funding: useBreakdown(q.funding, o),
    status: useBreakdown(q.status, o),
    tickets: useBreakdown(q.tickets, o),
    illegal: useBreakdown(q.illegal, o),
    consultations: useBreakdown(q.consultations, o),
  };
}

function ChartCard({
  title,
  extra,
  query,
  b,
  option,
  onKey,
  testId,
  height = 300,
}: {
  title: string;
  extra?: ReactNode;
  /** The breakdown the chart draws, which its 导出 Excel downloads. */
  query: Query;
  b: Breakdown | undefined;
  option: ChartOption | null;
  onKey: (key: string) => void;
  testId: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const download = (
    <Button
      size="small"
      type="text"
      href={downloadUrl(statsEndpoints.statsBreakdownExport, { query })}
      download
      icon={<DownloadOutlined />}
      data-testid={`${testId}-export`}
    >
      {t('dashboard.export')}
    </Button>
  );
  return (
    <Card
      title={title}
      extra={
        extra ? (
          <Space size="small">
            {extra}
            {download}
          </Space>
        ) : (
          download
        )
      }
      size="small"
      loading={!b}
    >
      {b && option && (
        <EChart
          option={option}
          height={height}
          ariaLabel={t('dashboard.chartAria', {
            title,
            figures: b.rows.map((r) => `${r.label} ${Object.values(r.values).join('/')}`).join(', '),
          })}
          onClick={(event) => {
            const key = clickedKey(b, event);
            if (key) onKey(key);
          }}
          data-testid={testId}
        />
      )}
    </Card>
  );
}

export function DashboardCharts({ from, to }: { from: number; to: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const q = dashboardQueries(from, to);
  const d = useDashboardBreakdowns(from, to);
  const map = useCompoundMap({});
  const statusLabel = useRowLabel('inventory.statuses');
  const sourceLabel = useRowLabel('project.sources');
  const consultLabel = useRowLabel('consult.statuses');
  const names = useMemo(
    () => ({
      renovatedCompounds: t('overview.renovatedCompounds'),
      households: t('overview.households'),
      compounds: t('overview.compounds'),
      ledgerOpen: t('dashboard.ledgerOpen'),
      ledgerOverdue: t('dashboard.ledgerOverdue'),
      fundingPlanned: t('dashboard.fundingPlanned'),
      fundingReceived: t('dashboard.fundingReceived'),
      openTickets: t('dashboard.openTickets'),
      overdueTickets: t('dashboard.overdueTickets'),
      illegalStructuresRemoved: t('dashboard.removed'),
      consultations: t('dashboard.consultations'),
    }),
    [t],
  );
  const regions = useRegionTree();
  const byCode = regions.data?.byCode;
  const regionName = useCallback((code: string) => byCode?.get(code)?.name ?? code, [byCode]);
  const of = <T,>(b: Breakdown | undefined, make: (b: Breakdown) => T) => (b ? make(b) : null);
  const illegal = d.illegal.data;
  const ledgerTotal = d.ledger.data?.total;
  const ticketTotal = d.tickets.data?.total;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card size="small" title={t('dashboard.monitoring')}>
          <Row gutter={[16, 16]}>
            {[
              {
                key: 'overdue' as const,
                value: ledgerTotal?.ledgerOverdue,
                unit: t('dashboard.items'),
                to: '/ledger?status=open&escalation=overdue',
              },
              {
                key: 'tickets' as const,
                value: ticketTotal?.openTickets,
                unit: t('dashboard.pieces'),
                to: '/quality/board',
              },
              {
                key: 'selfRate' as const,
                value: illegal?.total.selfRemovalRate,
                unit: '%',
                to: '/illegal/board',
              },
              {
                key: 'consultations' as const,
                value: d.consultations.data?.total.consultations,
                unit: t('dashboard.units'),
                to: '/consultations',
              },
            ].map((f) => (
              <Col xs={12} md={6} key={f.key}>
                <Tooltip title={t(`dashboard.definitions.${f.key}`)}>
                  <Link to={f.to} data-testid={`monitor-${f.key}`}>
                    <Statistic
                      title={t(`dashboard.figures.${f.key}`)}
                      value={
                        f.value === undefined
                          ? '—'
                          : f.key === 'selfRate'
                            ? formatPercent(f.value).replace('%', '')
                            : formatNumber(f.value)
                      }
                      suffix={f.unit}
                    />
                  </Link>
                </Tooltip>
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('dashboard.trends')}
          query={q.years}
          b={d.years.data}
          option={of(d.years.data, (b) => lineOption(b, ['renovatedCompounds', 'households'], { names }))}
          onKey={(year) => navigate(`/projects?year=${year}`)}
          testId="chart-years"
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('dashboard.progress', { from, to })}
          query={q.subdistricts}
          b={d.subdistricts.data}
          option={of(d.subdistricts.data, (b) =>
            barOption(b, ['compounds', 'renovatedCompounds'], { names }),
          )}
          onKey={(code) => navigate(`/compounds?region=${code}`)}
          testId="chart-subdistricts"
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('dashboard.ledger')}
          query={q.ledger}
          b={d.ledger.data}
          option={of(d.ledger.data, (b) => barOption(b, ['ledgerOpen', 'ledgerOverdue'], { names }))}
          onKey={(code) => navigate(`/ledger?region=${code}&status=open`)}
          testId="chart-ledger"
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('dashboard.funding', { from, to })}
          query={q.funding}
          b={d.funding.data}
          option={of(d.funding.data, (b) => pieOption(b, 'fundingPlanned', { names, label: sourceLabel }))}
          onKey={() => navigate(`/funding?from=${from}&to=${to}`)}
          testId="chart-funding"
        />
      </Col>
      <Col xs={24} lg={8}>
        <ChartCard
          title={t('dashboard.status')}
          query={q.status}
          b={d.status.data}
          option={of(d.status.data, (b) => pieOption(b, 'compounds', { names, label: statusLabel }))}
          onKey={(status) => navigate(`/compounds?status=${status}`)}
          testId="chart-status"
          height={320}
        />
      </Col>
      <Col xs={24} lg={16}>
        <Card size="small" title={t('dashboard.map')}>
          <CompoundMap
            points={map.data?.points ?? []}
            tileUrl={map.data?.tileUrl ?? null}
            hidden={noHidden}
            regionName={regionName}
            onOpen={(id) => navigate(`/compounds/${id}`)}
            large={false}
            height={320}
            ariaLabel={t('dashboard.map')}
            data-testid="dashboard-map"
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <ChartCard
          title={t('dashboard.tickets')}
          query={q.tickets}
          b={d.tickets.data}
          option={of(d.tickets.data, (b) => barOption(b, ['openTickets', 'overdueTickets'], { names }))}
          onKey={(code) => navigate(`/quality/board?region=${code}`)}
          testId="chart-tickets"
        />
      </Col>
      <Col xs={24} lg={8}>
        <ChartCard
          title={t('dashboard.illegal')}
          extra={
            illegal && t('dashboard.selfRate', { value: formatPercent(illegal.total.selfRemovalRate ?? 0) })
          }
          query={q.illegal}
          b={illegal}
          option={of(illegal, (b) => barOption(b, ['illegalStructuresRemoved'], { names }))}
          onKey={(code) => navigate(`/illegal?region=${code}&status=removed`)}
          testId="chart-illegal"
        />
      </Col>
      <Col xs={24} lg={8}>
        <ChartCard
          title={t('dashboard.consultationsTitle')}
          query={q.consultations}
          b={d.consultations.data}
          option={of(d.consultations.data, (b) =>
            pieOption(b, 'consultations', { names, label: consultLabel }),
          )}
          onKey={(status) => navigate(`/consultations?status=${status}`)}
          testId="chart-consultations"
        />
      </Col>
    </Row>
  );
}
