/**
 * Inventory › map: compounds placed by longitude and latitude, coloured by renovation status, on
 * equal-scale axes with no base map (works offline, fetches no tiles). Each subdistrict's compounds
 * are outlined by their convex hull: where its compounds lie, not its administrative boundary.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Spin, Typography } from 'antd';
import type { CustomSeriesRenderItem } from 'echarts';
import { format } from 'echarts/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MapQuery } from '../../../contract/inventory.js';
import { type CompoundStatus, compoundStatuses } from '../../../domain/inventory.js';
import { type ChartOption, type ChartSize, EChart } from '../../shared/EChart.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useListParams } from '../../shared/listParams.js';
import { useRegionTree } from '../../shared/regionTree.js';
import { useIsPhone } from '../../shared/responsive.js';
import { CompoundFilters, type CompoundFilterValues, filterPatch, pickFilters } from './CompoundFilters.js';
import { filterSearch } from './CompoundsPage.js';
import { statusChartColour } from './labels.js';
import { bufferedHull, centre, equalScaleExtent, type Point, projector } from './mapGeometry.js';
import { useCompoundMap } from './queries.js';

/** Light fills for the subdistricts' extents, one per subdistrict in turn. */
const extentColours = [
  '#1677ff',
  '#13c2c2',
  '#722ed1',
  '#eb2f96',
  '#faad14',
  '#52c41a',
  '#2f54eb',
  '#fa541c',
];

interface MapDot {
  value: [number, number];
  id: string;
  name: string;
  status: CompoundStatus;
  isOld: boolean;
}

interface Extent {
  name: string;
  hull: Point[];
  label: Point;
  colour: string;
}

const legendHeight = 36;

export function CompoundMapPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { query, update, key } = useListParams(MapQuery);
  const filters = pickFilters(query);
  const map = useCompoundMap(query);
  const regions = useRegionTree();
  const points = map.data?.points ?? [];

  const extentLabel = t('map.extent');
  const statusLabel = useCallback((s: CompoundStatus) => t(`inventory.statuses.${s}`), [t]);

  const option = useCallback(
    (size: ChartSize): ChartOption => {
      const project = projector(points.map((p) => p.lat));
      const dots = points.map<MapDot>((p) => ({
        value: [...project(p.lng, p.lat)],
        id: p.id,
        name: p.name,
        status: p.status,
        isOld: p.isOld,
      }));
      const width = size.width - 16;
      const height = size.height - legendHeight - 8;
      const range = equalScaleExtent(
        dots.map((d) => d.value),
        width,
        height,
      );
      const perPixel = (range.x[1] - range.x[0]) / Math.max(width, 1);

      const bySubdistrict = new Map<string, Point[]>();
      for (const [i, p] of points.entries()) {
        const dot = dots[i];
        if (!dot) continue;
        const list = bySubdistrict.get(p.subdistrictCode) ?? [];
        list.push(dot.value);
        bySubdistrict.set(p.subdistrictCode, list);
      }
      const extents: Extent[] = [...bySubdistrict.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, pts], i) => {
          const hull = bufferedHull(pts, 10 * perPixel);
          // The name sits just above the outline, where it hides no compound.
          const top = Math.max(...hull.map((p) => p[1]));
          return {
            name: regions.data?.byCode.get(code)?.name ?? code,
            hull,
            label: [centre(hull)[0], top] as const,
            colour: extentColours[i % extentColours.length] ?? '#1677ff',
          };
        });

      const renderOutline: CustomSeriesRenderItem = (params, api) => {
        const extent = extents[params.dataIndex];
        if (!extent || extent.hull.length < 3) return null;
        return {
          type: 'polygon',
          shape: { points: extent.hull.map((p) => api.coord([...p]) as number[]) },
          style: { fill: `${extent.colour}14`, stroke: `${extent.colour}80`, lineWidth: 1, lineDash: [4, 3] },
        };
      };
      const renderName: CustomSeriesRenderItem = (params, api) => {
        const extent = extents[params.dataIndex];
        if (!extent) return null;
        const [x, y] = api.coord([...extent.label]) as [number, number];
        return {
          type: 'text',
          x,
          y: y - 2,
          style: {
            text: extent.name,
            fill: extent.colour,
            font: `600 ${isPhone ? 11 : 13}px sans-serif`,
            align: 'center',
            verticalAlign: 'bottom',
            stroke: '#fff',
            lineWidth: 3,
          },
        };
      };
      const extentData = extents.map((e) => ({ value: [...e.label], name: e.name }));

      const present = compoundStatuses.filter((s) => dots.some((d) => d.status === s));
      return {
        animation: false,
        legend: { top: 4, data: [...present.map(statusLabel), extentLabel], itemGap: isPhone ? 8 : 16 },
        tooltip: {
          trigger: 'item',
          formatter: (p) => {
            const item = Array.isArray(p) ? p[0] : p;
            const dot = item?.data as MapDot | undefined;
            if (!dot?.id) return '';
            const old = dot.isOld ? t('inventory.oldTag') : t('inventory.newTag');
            return `<b>${format.encodeHTML(dot.name)}</b><br/>${format.encodeHTML(statusLabel(dot.status))} · ${format.encodeHTML(old)}`;
          },
        },
        grid: {
          left: 8,
          right: 8,
          top: legendHeight,
          bottom: 8,
          show: true,
          backgroundColor: '#f7f9fc',
          borderColor: '#e5e9f0',
        },
        xAxis: { type: 'value', min: range.x[0], max: range.x[1], show: false },
        yAxis: { type: 'value', min: range.y[0], max: range.y[1], show: false },
        dataZoom: [
          { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
          { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
        ],
        series: [
          // Outlines under the dots, names over them; one legend entry (same name) shows or hides both.
          {
            type: 'custom',
            name: extentLabel,
            silent: true,
            renderItem: renderOutline,
            data: extentData,
            itemStyle: { color: '#1677ff' },
            z: 1,
          },
          {
            type: 'custom',
            name: extentLabel,
            silent: true,
            renderItem: renderName,
            data: extentData,
            itemStyle: { color: '#1677ff' },
            z: 3,
          },
          ...present.map((status) => ({
            type: 'scatter' as const,
            name: statusLabel(status),
            data: dots.filter((d) => d.status === status),
            symbolSize: isPhone ? 12 : 10,
            itemStyle: { color: statusChartColour[status], borderColor: '#fff', borderWidth: 1 },
            emphasis: { scale: 1.6 },
            cursor: 'pointer',
            z: 2,
          })),
        ],
      };
    },
    [points, regions.data, isPhone, extentLabel, statusLabel, t],
  );

  const applyFilters = (values: CompoundFilterValues) => update(filterPatch(values));
  const without = map.data?.withoutCoordinates ?? 0;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('map.backToList')}
            onClick={() => navigate(`/compounds${filterSearch(filters)}`)}
          />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('map.title')}
          </Typography.Title>
        </Flex>
        <Typography.Text type="secondary" data-testid="map-count">
          {t('map.onMap', { count: points.length })} · {t('map.missing', { count: without })}
        </Typography.Text>
      </Flex>
      <Card size="small">
        <CompoundFilters name="mapFilters" values={filters} syncKey={key} onApply={applyFilters} />
      </Card>
      {without > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('map.withoutCoordinates', { count: without })}
          data-testid="map-without"
        />
      )}
      {map.isError && (
        <Alert type="error" showIcon title={t('errors.loadFailed', { message: map.error.message })} />
      )}
      <Card size="small" styles={{ body: { padding: isPhone ? 4 : 12 } }}>
        <Spin spinning={map.isFetching}>
          {map.data && points.length === 0 ? (
            <EmptyHint text={t('map.empty')} />
          ) : (
            <EChart
              option={option}
              height={isPhone ? 460 : 'max(480px, calc(100vh - 380px))'}
              ariaLabel={t('map.aria')}
              onClick={(event) => {
                const dot = event.data as MapDot | undefined;
                if (dot?.id) navigate(`/compounds/${dot.id}`);
              }}
              data-testid="compound-map"
            />
          )}
        </Spin>
      </Card>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('map.hint')}
        {map.data?.tileUrl && ` ${t('map.tilesNotShown')}`}
      </Typography.Paragraph>
    </Flex>
  );
}
