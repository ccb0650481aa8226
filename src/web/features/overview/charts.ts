/**
 * Chart options from breakdowns, shared by the dashboard and the command-centre screen (which
 * passes `large` for type readable across a room).
 */
import type { Breakdown } from '../../../contract/stats.js';
import type { ChartOption } from '../../shared/EChart.js';

export const palette = [
  '#1677ff',
  '#52c41a',
  '#fa8c16',
  '#f5222d',
  '#13c2c2',
  '#722ed1',
  '#eb2f96',
  '#faad14',
];

interface Look {
  large?: boolean;
  /** Names of the measures in the interface's language (the server's are Chinese). */
  names?: Record<string, string>;
  /** A row's name in the interface's language (a status, a source). */
  label?: (key: string, label: string) => string;
}

const font = (large?: boolean) => (large ? 20 : 12);
const nameOf = (b: Breakdown, key: string, look: Look) =>
  look.names?.[key] ?? b.measures.find((m) => m.key === key)?.label ?? key;
const labelOf = (row: Breakdown['rows'][number], look: Look) => look.label?.(row.key, row.label) ?? row.label;

/** Bars per row, one series per measure. */
export function barOption(b: Breakdown, measures: string[], look: Look = {}): ChartOption {
  const size = font(look.large);
  return {
    color: palette,
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: size } },
    legend: { top: 0, textStyle: { fontSize: size } },
    grid: { left: 8, right: 8, top: look.large ? 48 : 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: b.rows.map((r) => labelOf(r, look)),
      axisLabel: { fontSize: size, interval: 0, rotate: b.rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: size } },
    series: measures.map((m) => ({
      type: 'bar' as const,
      name: nameOf(b, m, look),
      data: b.rows.map((r) => r.values[m] ?? 0),
      label: { show: true, position: 'top' as const, fontSize: size },
      barMaxWidth: look.large ? 40 : 28,
    })),
  };
}

/**
 * Over years: the first measure as bars on the left axis, the others as lines on the right one
 * (counts of compounds beside counts of households, whose scales differ a hundredfold).
 */
export function lineOption(b: Breakdown, measures: string[], look: Look = {}): ChartOption {
  const size = font(look.large);
  return {
    color: palette,
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', textStyle: { fontSize: size } },
    legend: { top: 0, textStyle: { fontSize: size } },
    grid: { left: 8, right: 16, top: look.large ? 48 : 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: b.rows.map((r) => r.key), axisLabel: { fontSize: size } },
    yAxis: measures.slice(0, 2).map((_, i) => ({
      type: 'value' as const,
      minInterval: 1,
      axisLabel: { fontSize: size },
      splitLine: { show: i === 0 },
    })),
    series: measures.map((m, i) => {
      const common = {
        name: nameOf(b, m, look),
        yAxisIndex: Math.min(i, 1),
        data: b.rows.map((r) => r.values[m] ?? 0),
      };
      return i === 0 && measures.length > 1
        ? {
            ...common,
            type: 'bar' as const,
            barMaxWidth: look.large ? 48 : 32,
            label: { show: true, position: 'inside' as const, fontSize: size, color: '#fff' },
          }
        : {
            ...common,
            type: 'line' as const,
            smooth: true,
            symbolSize: look.large ? 12 : 8,
            label: { show: true, position: 'top' as const, fontSize: size },
          };
    }),
  };
}

/** A ring of one measure's rows. */
export function pieOption(b: Breakdown, measure: string, look: Look = {}): ChartOption {
  const size = font(look.large);
  return {
    color: palette,
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item', textStyle: { fontSize: size } },
    // On the wall the legend stands at the left, clear of the labels below the ring.
    legend: look.large
      ? { orient: 'vertical', left: 0, top: 'middle', textStyle: { fontSize: size } }
      : { bottom: 0, textStyle: { fontSize: size } },
    series: [
      {
        type: 'pie',
        name: nameOf(b, measure, look),
        radius: look.large ? ['36%', '64%'] : ['30%', '54%'],
        center: look.large ? ['58%', '50%'] : ['50%', '44%'],
        label: { fontSize: size, formatter: '{b}\n{c}' },
        labelLayout: { hideOverlap: true },
        data: b.rows
          .filter((r) => (r.values[measure] ?? 0) > 0)
          .map((r) => ({ name: labelOf(r, look), value: r.values[measure] ?? 0, key: r.key })),
      },
    ],
  };
}

/** The breakdown row a chart click landed on (bars and lines by index, a ring by its key). */
export function clickedKey(
  b: Breakdown | undefined,
  event: { dataIndex: number; data?: unknown },
): string | null {
  const data = event.data as { key?: string } | undefined;
  if (data && typeof data === 'object' && data.key) return data.key;
  return b?.rows[event.dataIndex]?.key ?? null;
}
