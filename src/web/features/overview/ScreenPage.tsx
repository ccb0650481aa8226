/**
 * 大屏: the command centre's wall display at 1920×1080. Dark, large type readable across a room,
 * no scrollbars (a fixed grid filling the window), and it refreshes itself every minute. It reuses
 * the dashboard's queries and chart builders (with `large`), outside the app's frame.
 */
import { type CSSProperties, type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown } from '../../../contract/stats.js';
import { SummaryQuery } from '../../../contract/stats.js';
import { type ChartOption, EChart } from '../../shared/EChart.js';
import { useListParams } from '../../shared/listParams.js';
import { formatLarge, formatNumber, formatPercent } from '../../shared/numbers.js';
import { useScopeName } from '../../shared/regions.js';
import { barOption, lineOption, pieOption } from './charts.js';
import { useDashboardBreakdowns, useRowLabel } from './DashboardCharts.js';
import { useSummary } from './queries.js';

/** Once a minute: the wall shows the figures of the last minute without anyone touching it. */
const refreshEvery = 60_000;
const defaultSpan = { from: 2019, to: 2022 } as const;

const colors = {
  background: '#06122b',
  panel: 'rgba(22, 60, 120, 0.35)',
  border: '#1f4f99',
  text: '#e6f0ff',
};
const panelStyle: CSSProperties = {
  background: colors.panel,
  border: `1px solid ${colors.border}`,
  borderRadius: 8,
  padding: '12px 16px',
  display: 'flex',
  flexDirection: 'column',
  minHeight: 0,
  minWidth: 0,
};

function Panel({ title, children, style }: { title: string; children: ReactNode; style?: CSSProperties }) {
  return (
    <section style={{ ...panelStyle, ...style }}>
      <h2 style={{ margin: '0 0 8px', fontSize: 26, fontWeight: 600, color: '#7fb6ff' }}>{title}</h2>
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
    </section>
  );
}

function ScreenChart({
  title,
  b,
  option,
  testId,
  style,
}: {
  title: string;
  b: Breakdown | undefined;
  option: ChartOption | null;
  testId: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  return (
    <Panel title={title} style={style}>
      {b && option && (
        <EChart
          dark
          option={option}
          height="100%"
          ariaLabel={t('dashboard.chartAria', {
            title,
            figures: b.rows.map((r) => `${r.label} ${Object.values(r.values).join('/')}`).join(', '),
          })}
          data-testid={testId}
        />
      )}
    </Panel>
  );
}

function BigFigure({
  label,
  value,
  unit,
  note,
  testId,
}: {
  label: string;
  value: string;
  unit: string;
  note?: string;
  testId: string;
}) {
  return (
    <div style={{ ...panelStyle, justifyContent: 'center', alignItems: 'center', textAlign: 'center' }}>
      <div style={{ fontSize: 24, color: '#9fc3f7' }}>{label}</div>
      <div style={{ whiteSpace: 'nowrap' }}>
        <span
          data-testid={testId}
          style={{ fontSize: 56, fontWeight: 700, color: '#ffd666', fontVariantNumeric: 'tabular-nums' }}
        >
          {value}
        </span>
        <span style={{ fontSize: 24, marginLeft: 6 }}>{unit}</span>
      </div>
      {note && <div style={{ fontSize: 22, color: '#9fc3f7' }}>{note}</div>}
    </div>
  );
}

export function ScreenPage() {
  const { t } = useTranslation();
  const scope = useScopeName();
  const { query } = useListParams(SummaryQuery);
  const from = query.from ?? defaultSpan.from;
  const to = Math.max(query.to ?? defaultSpan.to, from);
  const summary = useSummary(from, to, { refetchInterval: refreshEvery });
  const d = useDashboardBreakdowns(from, to, refreshEvery);
  const sourceLabel = useRowLabel('project.sources');
  const statusLabel = useRowLabel('inventory.statuses');
  const names = useMemo(
    () => ({
      renovatedCompounds: t('overview.renovatedCompounds'),
      households: t('overview.households'),
      compounds: t('overview.compounds'),
      fundingPlanned: t('dashboard.fundingPlanned'),
    }),
    [t],
  );

  // The wall never scrolls, whatever the page's own size.
  useEffect(() => {
    const root = document.documentElement;
    const previous = [root.style.overflow, document.body.style.overflow];
    root.style.overflow = 'hidden';
    document.body.style.overflow = 'hidden';
    return () => {
      root.style.overflow = previous[0] ?? '';
      document.body.style.overflow = previous[1] ?? '';
    };
  }, []);

  const s = summary.data;
  const years = d.years.data;
  const subdistricts = d.subdistricts.data;
  const funding = d.funding.data;
  const status = d.status.data;
  const options = useMemo(
    () => ({
      years: years ? lineOption(years, ['renovatedCompounds', 'households'], { names, large: true }) : null,
      subdistricts: subdistricts
        ? barOption(subdistricts, ['compounds', 'renovatedCompounds'], { names, large: true })
        : null,
      funding: funding
        ? pieOption(funding, 'fundingPlanned', { names, label: sourceLabel, large: true })
        : null,
      status: status ? pieOption(status, 'compounds', { names, label: statusLabel, large: true }) : null,
    }),
    [years, subdistricts, funding, status, names, sourceLabel, statusLabel],
  );
  const dash = '—';
  const updated = summary.dataUpdatedAt ? new Date(summary.dataUpdatedAt).toLocaleTimeString() : dash;

  return (
    <div
      data-testid="screen"
      style={{
        position: 'fixed',
        inset: 0,
        overflow: 'hidden',
        background: `radial-gradient(ellipse at top, #0d2550, ${colors.background} 70%)`,
        color: colors.text,
        display: 'grid',
        gridTemplateRows: '88px 180px minmax(0, 1fr) minmax(0, 1fr)',
        gridTemplateColumns: 'repeat(12, minmax(0, 1fr))',
        gap: 16,
        padding: 16,
        boxSizing: 'border-box',
      }}
    >
      <header
        style={{
          gridColumn: '1 / -1',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
        }}
      >
        <h1 style={{ margin: 0, fontSize: 44, fontWeight: 700, letterSpacing: 4, color: '#ffffff' }}>
          {t('screen.title', { scope })}
        </h1>
        <div style={{ fontSize: 22, color: '#9fc3f7' }} data-testid="screen-updated">
          {t('screen.updated', { time: updated })}
        </div>
      </header>
      {[
        {
          key: 'renovated',
          label: t('screen.renovated', { from, to }),
          value: s ? formatNumber(s.renovatedCompounds) : dash,
          unit: t('units.compounds'),
        },
        {
          key: 'households',
          label: t('overview.households'),
          value: s ? formatLarge(s.households) : dash,
          unit: t('units.households'),
        },
        {
          key: 'removed',
          label: t('dashboard.removed'),
          value: s ? formatNumber(s.illegalStructuresRemoved) : dash,
          unit: t('dashboard.units'),
          note: s ? t('dashboard.selfRate', { value: formatPercent(s.selfRemovalRate) }) : undefined,
        },
        {
          key: 'tickets',
          label: t('dashboard.figures.tickets'),
          value: s ? formatNumber(s.openTickets) : dash,
          unit: t('dashboard.pieces'),
        },
        {
          key: 'overdue',
          label: t('dashboard.figures.overdue'),
          value: d.ledger.data ? formatNumber(d.ledger.data.total.ledgerOverdue ?? 0) : dash,
          unit: t('dashboard.items'),
        },
        {
          key: 'consultations',
          label: t('dashboard.figures.consultations'),
          value: s ? formatNumber(s.consultations) : dash,
          unit: t('dashboard.units'),
        },
      ].map((f) => (
        <div key={f.key} style={{ gridColumn: 'span 2', display: 'grid', minWidth: 0 }}>
          <BigFigure label={f.label} value={f.value} unit={f.unit} note={f.note} testId={`screen-${f.key}`} />
        </div>
      ))}
      <ScreenChart
        title={t('dashboard.trends')}
        b={years}
        option={options.years}
        testId="screen-years"
        style={{ gridColumn: 'span 6' }}
      />
      <ScreenChart
        title={t('dashboard.progress', { from, to })}
        b={subdistricts}
        option={options.subdistricts}
        testId="screen-subdistricts"
        style={{ gridColumn: 'span 6' }}
      />
      <ScreenChart
        title={t('dashboard.funding', { from, to })}
        b={funding}
        option={options.funding}
        testId="screen-funding"
        style={{ gridColumn: 'span 6' }}
      />
      <ScreenChart
        title={t('dashboard.status')}
        b={status}
        option={options.status}
        testId="screen-status"
        style={{ gridColumn: 'span 6' }}
      />
    </div>
  );
}
