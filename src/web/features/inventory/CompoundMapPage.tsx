/**
 * Inventory › map: compounds placed by longitude and latitude, coloured by renovation status, over
 * the operator's tile layer when one is configured (JIUGAI_MAP_TILE_URL) and a plain background
 * otherwise (works offline, fetches no tiles). Each subdistrict's compounds are outlined by their
 * convex hull: where its compounds lie, not its administrative boundary.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Spin, Typography } from 'antd';
import { type CSSProperties, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MapQuery } from '../../../contract/inventory.js';
import { compoundStatuses } from '../../../domain/inventory.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useListParams } from '../../shared/listParams.js';
import { useRegionTree } from '../../shared/regionTree.js';
import { useIsPhone } from '../../shared/responsive.js';
import { CompoundFilters, type CompoundFilterValues, filterPatch, pickFilters } from './CompoundFilters.js';
import { CompoundMap, extentColour, type MapLayerKey } from './CompoundMap.js';
import { filterSearch } from './CompoundsPage.js';
import { statusChartColour } from './labels.js';
import { useCompoundMap } from './queries.js';

const noPoints: never[] = [];

export function CompoundMapPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { query, update, key } = useListParams(MapQuery);
  const filters = pickFilters(query);
  const map = useCompoundMap(query);
  const regions = useRegionTree();
  const points = map.data?.points ?? noPoints;
  const tileUrl = map.data?.tileUrl ?? null;
  const [hidden, setHidden] = useState<ReadonlySet<MapLayerKey>>(() => new Set());
  const [tilesOk, setTilesOk] = useState(true);

  const byCode = regions.data?.byCode;
  const regionName = useCallback((code: string) => byCode?.get(code)?.name ?? code, [byCode]);
  const openCompound = useCallback((id: string) => navigate(`/compounds/${id}`), [navigate]);
  const toggle = (layer: MapLayerKey) =>
    setHidden((before) => {
      const after = new Set(before);
      if (!after.delete(layer)) after.add(layer);
      return after;
    });

  const present = compoundStatuses.filter((s) => points.some((p) => p.status === s));
  const legend: { key: MapLayerKey; label: string; swatch: CSSProperties }[] = [
    ...present.map((s) => ({
      key: s,
      label: t(`inventory.statuses.${s}`),
      swatch: { background: statusChartColour[s], borderRadius: '50%', border: '1.5px solid #fff' },
    })),
    {
      key: 'extent',
      label: t('map.extent'),
      swatch: {
        background: `${extentColour(0)}14`,
        border: `1.5px dashed ${extentColour(0)}8c`,
        borderRadius: 2,
      },
    },
  ];
  const mapHeight = isPhone ? 460 : 'max(480px, calc(100vh - 400px))';

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
      {tileUrl && !tilesOk && (
        <Alert type="warning" showIcon title={t('map.tilesFailed')} data-testid="map-tiles-failed" />
      )}
      <Card size="small" styles={{ body: { padding: isPhone ? 4 : 12 } }}>
        <Spin spinning={map.isFetching}>
          {map.data && points.length === 0 ? (
            <EmptyHint text={t('map.empty')} />
          ) : (
            <Flex vertical gap={isPhone ? 4 : 8}>
              <Flex
                wrap
                gap={isPhone ? 2 : 4}
                role="group"
                aria-label={t('map.legend')}
                data-testid="map-legend"
              >
                {legend.map((item) => (
                  <Button
                    key={item.key}
                    type="text"
                    size="small"
                    aria-pressed={!hidden.has(item.key)}
                    onClick={() => toggle(item.key)}
                    style={{ opacity: hidden.has(item.key) ? 0.45 : 1, paddingInline: 6 }}
                    icon={
                      <span
                        aria-hidden
                        style={{
                          display: 'inline-block',
                          width: 12,
                          height: 12,
                          boxSizing: 'border-box',
                          ...item.swatch,
                        }}
                      />
                    }
                  >
                    {item.label}
                  </Button>
                ))}
              </Flex>
              {map.data ? (
                <CompoundMap
                  points={points}
                  tileUrl={tileUrl}
                  hidden={hidden}
                  regionName={regionName}
                  onOpen={openCompound}
                  onTilesOk={setTilesOk}
                  large={!isPhone}
                  height={mapHeight}
                  ariaLabel={t('map.aria')}
                  data-testid="compound-map"
                />
              ) : (
                <div style={{ height: mapHeight }} />
              )}
            </Flex>
          )}
        </Spin>
      </Card>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('map.hint', { base: t(tileUrl ? 'map.tilesHint' : 'map.noTilesHint') })}
      </Typography.Paragraph>
    </Flex>
  );
}
