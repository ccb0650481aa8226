/**
 * A small React wrapper over ECharts (core build: only the charts and components the app uses).
 * It follows its container's size, and an option may be computed from that size.
 */
import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECElementEvent, type EChartsType, init, use } from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { currentLanguage } from '../i18n/index.js';
import { useReducedMotion } from './responsive.js';

use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  LabelLayout,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>;

export interface ChartSize {
  width: number;
  height: number;
}

export interface EChartProps {
  /** The chart's option, or a function of the container's size in pixels. */
  option: ChartOption | ((size: ChartSize) => ChartOption);
  /** A sentence describing what the chart shows, for screen readers. */
  ariaLabel: string;
  height: number | string;
  onClick?: (event: ECElementEvent) => void;
  style?: CSSProperties;
  /** ECharts' built-in dark theme (the command-centre screen). */
  dark?: boolean;
  'data-testid'?: string;
}

export function EChart({ option, ariaLabel, height, onClick, style, dark, ...rest }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;
  const [size, setSize] = useState<ChartSize | null>(null);
  // A new instance (after a language change) must be given the option again.
  const [instanceCount, setInstanceCount] = useState(0);
  const language = currentLanguage();
  const reducedMotion = useReducedMotion();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, dark ? 'dark' : undefined, { locale: language === 'en' ? 'EN' : 'ZH' });
    chart.current = instance;
    setInstanceCount((n) => n + 1);
    instance.on('click', (event) => clickHandler.current?.(event));
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      instance.resize();
      setSize((previous) =>
        previous && previous.width === width && previous.height === height ? previous : { width, height },
      );
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [language, dark]);

  useEffect(() => {
    if (!chart.current || !size || size.width === 0 || instanceCount === 0) return;
    const given = typeof option === 'function' ? option(size) : option;
    chart.current.setOption(reducedMotion ? { ...given, animation: false } : given, { notMerge: true });
  }, [option, size, instanceCount, reducedMotion]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
