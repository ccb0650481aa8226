/**
 * The compound map, drawn with Leaflet: compounds as dots coloured by renovation status, each
 * subdistrict's extent as the buffered convex hull of its compounds (where its compounds lie, not
 * its administrative boundary), and under them the operator's XYZ tile layer when one is
 * configured. Without one the map has a plain background and fetches nothing, so it works offline.
 */
import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import { type CSSProperties, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompoundStatus } from '../../../domain/inventory.js';
import { statusChartColour } from './labels.js';
import { bufferedHull, centre, type Point } from './mapGeometry.js';

export interface MapCompound {
  id: string;
  name: string;
  lng: number;
  lat: number;
  status: CompoundStatus;
  isOld: boolean;
  subdistrictCode: string;
}

/** A legend entry: a status, or the subdistricts' extents. */
export type MapLayerKey = CompoundStatus | 'extent';

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

export const extentColour = (i: number) => extentColours[i % extentColours.length] ?? '#1677ff';

/**
 * How far an extent reaches past its outermost compounds, in metres on the ground: about half a
 * compound's width, since a point stands for the compound's middle.
 */
const extentMargin = 120;

const plainBackground = '#f7f9fc';
const tileBackground = '#eef1f5';

interface Extent {
  code: string;
  ring: L.LatLng[];
  label: L.LatLng;
  colour: string;
}

/** Each subdistrict's compounds, outlined by their convex hull grown by `extentMargin`. */
function subdistrictExtents(points: readonly MapCompound[]): Extent[] {
  const mercator = L.Projection.SphericalMercator;
  const bySubdistrict = new Map<string, MapCompound[]>();
  for (const p of points) {
    const list = bySubdistrict.get(p.subdistrictCode) ?? [];
    list.push(p);
    bySubdistrict.set(p.subdistrictCode, list);
  }
  return [...bySubdistrict.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, list], i) => {
      // Hulls are taken on the map's own plane (Web Mercator), so they are convex as drawn; its
      // units stretch by 1/cos(latitude), so the ground margin is scaled the same way.
      const projected = list.map<Point>((p) => {
        const { x, y } = mercator.project(L.latLng(p.lat, p.lng));
        return [x, y];
      });
      const lat = list.reduce((s, p) => s + p.lat, 0) / list.length;
      const hull = bufferedHull(projected, extentMargin / Math.cos((lat * Math.PI) / 180));
      const toLatLng = ([x, y]: Point) => mercator.unproject(L.point(x, y));
      // The name sits just above the outline, where it hides no compound.
      const top = Math.max(...hull.map((p) => p[1]));
      return {
        code,
        ring: hull.map(toLatLng),
        label: toLatLng([centre(hull)[0], top]),
        colour: extentColour(i),
      };
    });
}

/** The tile server's host, for the attribution ("{s}." subdomains left out). */
function tileHost(template: string): string {
  try {
    return new URL(template.replace('{s}.', '').replace(/\{[a-z]+\}/gi, '0')).host;
  } catch {
    return '';
  }
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export interface CompoundMapProps {
  points: readonly MapCompound[];
  /** An XYZ tile URL template, or null for no base map. */
  tileUrl: string | null;
  /** Layers the legend has switched off. */
  hidden: ReadonlySet<MapLayerKey>;
  /** A subdistrict's name from its code (keep it stable: a new function redraws the map). */
  regionName: (code: string) => string;
  onOpen: (id: string) => void;
  /** Told whether the tiles load: false once tiles have failed and none has loaded. */
  onTilesOk?: (ok: boolean) => void;
  large: boolean;
  height: CSSProperties['height'];
  ariaLabel: string;
  'data-testid'?: string;
}

export function CompoundMap({
  points,
  tileUrl,
  hidden,
  regionName,
  onOpen,
  onTilesOk,
  large,
  height,
  ariaLabel,
  ...rest
}: CompoundMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [groups, setGroups] = useState<Map<MapLayerKey, L.LayerGroup> | null>(null);
  const callbacks = useRef({ onOpen, onTilesOk });
  callbacks.current = { onOpen, onTilesOk };

  // The map itself, once per mount; it follows its container's size.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = L.map(element, {
      attributionControl: false,
      zoomSnap: 0.25,
      maxZoom: 18,
      minZoom: 3,
    });
    // Extents under everything else, their names above the dots.
    const extentPane = instance.createPane('extents');
    extentPane.style.zIndex = '350';
    const labelPane = instance.createPane('extentLabels');
    labelPane.style.zIndex = '450';
    labelPane.style.pointerEvents = 'none';
    setMap(instance);
    const observer = new ResizeObserver(() => instance.invalidateSize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.remove();
      setMap(null);
    };
  }, []);

  // The operator's tile layer, with its attribution, only when one is configured.
  useEffect(() => {
    if (!map || !tileUrl) return;
    // Whole zoom levels keep the tiles sharp; without tiles the view may fit the district exactly.
    map.options.zoomSnap = 1;
    const host = tileHost(tileUrl);
    const layer = L.tileLayer(tileUrl, {
      maxZoom: 18,
      attribution: host ? escapeHtml(t('map.tileAttribution', { host })) : '',
    });
    const attribution = L.control.attribution({ prefix: false }).addTo(map);
    let loaded = false;
    layer.on('tileload', () => {
      loaded = true;
      callbacks.current.onTilesOk?.(true);
    });
    layer.on('tileerror', () => {
      if (!loaded) callbacks.current.onTilesOk?.(false);
    });
    layer.addTo(map);
    return () => {
      layer.remove();
      attribution.remove();
      map.options.zoomSnap = 0.25;
    };
  }, [map, tileUrl, t]);

  const extents = useMemo(() => subdistrictExtents(points), [points]);

  // The view fits the extents (the compounds and the margin round them, so no outline is cut off)
  // whenever the set of compounds changes, and only then: a new language keeps the user's view.
  useEffect(() => {
    if (!map) return;
    const corners = extents.flatMap((e) => e.ring);
    if (corners.length > 0) {
      map.fitBounds(L.latLngBounds(corners), { padding: [20, 20], maxZoom: 16, animate: false });
    } else {
      map.setView([0, 0], 3);
    }
  }, [map, extents]);

  // The dots and the extents.
  useEffect(() => {
    if (!map) return;
    const byKey = new Map<MapLayerKey, L.LayerGroup>();
    const group = (key: MapLayerKey) => {
      let g = byKey.get(key);
      if (!g) {
        g = L.layerGroup();
        byKey.set(key, g);
      }
      return g;
    };

    for (const extent of extents) {
      L.polygon(extent.ring, {
        pane: 'extents',
        interactive: false,
        color: extent.colour,
        opacity: 0.55,
        weight: 1.5,
        dashArray: '5 4',
        fillColor: extent.colour,
        fillOpacity: 0.08,
      }).addTo(group('extent'));
      const name = document.createElement('span');
      name.textContent = regionName(extent.code);
      Object.assign(name.style, {
        position: 'absolute',
        left: '0',
        bottom: '2px',
        transform: 'translateX(-50%)',
        whiteSpace: 'nowrap',
        color: extent.colour,
        font: `600 ${large ? 13 : 12}px/1.2 sans-serif`,
        textShadow: '0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff',
      } satisfies Partial<CSSStyleDeclaration>);
      L.marker(extent.label, {
        pane: 'extentLabels',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ html: name, className: 'jiugai-extent-label', iconSize: [0, 0] }),
      }).addTo(group('extent'));
    }

    // Each compound is a dot and, over it, a larger invisible ring that takes the pointer, so a
    // finger finds it on a phone without the dots covering each other.
    const radius = large ? 5.5 : 6;
    const reach = large ? radius + 3.5 : radius + 9;
    for (const p of points) {
      const at = L.latLng(p.lat, p.lng);
      const colour = statusChartColour[p.status];
      const dot = L.circleMarker(at, {
        radius,
        interactive: false,
        color: '#fff',
        weight: 1.5,
        fillColor: colour,
        fillOpacity: 1,
      });
      const hit = L.circleMarker(at, {
        radius: reach,
        stroke: false,
        fillColor: colour,
        fillOpacity: 0,
        className: 'jiugai-compound',
        bubblingMouseEvents: false,
      });
      const tip = document.createElement('div');
      const title = document.createElement('b');
      title.textContent = p.name;
      tip.append(
        title,
        document.createElement('br'),
        `${t(`inventory.statuses.${p.status}`)} · ${p.isOld ? t('inventory.oldTag') : t('inventory.newTag')}`,
      );
      hit.bindTooltip(tip, { direction: 'top', offset: [0, -radius] });
      hit.on('mouseover', () => dot.setRadius(radius * 1.5).bringToFront());
      hit.on('mouseout', () => dot.setRadius(radius));
      hit.on('click', () => callbacks.current.onOpen(p.id));
      const g = group(p.status);
      dot.addTo(g);
      hit.addTo(g);
    }

    setGroups(byKey);
    return () => {
      for (const g of byKey.values()) g.remove();
    };
  }, [map, points, extents, regionName, large, t]);

  // What the legend shows.
  useEffect(() => {
    if (!map || !groups) return;
    for (const [key, g] of groups) {
      if (hidden.has(key)) g.remove();
      else g.addTo(map);
    }
  }, [map, groups, hidden]);

  return (
    <section
      ref={container}
      aria-label={ariaLabel}
      data-tiles={tileUrl ? 'on' : 'off'}
      style={{
        height,
        width: '100%',
        background: tileUrl ? tileBackground : plainBackground,
        fontFamily: 'inherit',
        borderRadius: 6,
        // Leaflet's panes reach z-index 1000; keep them under antd's popups and the page header.
        isolation: 'isolate',
      }}
      {...rest}
    />
  );
}
