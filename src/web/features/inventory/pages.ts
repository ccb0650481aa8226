import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const CompoundsPage = lazy(() => import('./CompoundsPage.js').then((m) => ({ default: m.CompoundsPage })));
const CompoundDetailPage = lazy(() =>
  import('./CompoundDetailPage.js').then((m) => ({ default: m.CompoundDetailPage })),
);
const CompoundMapPage = lazy(() =>
  import('./CompoundMapPage.js').then((m) => ({ default: m.CompoundMapPage })),
);
const ImportPage = lazy(() => import('./ImportPage.js').then((m) => ({ default: m.ImportPage })));

/** The inventory area's pages; the shell's navigation table places them in the menu. */
export const inventoryPages: NavPage[] = [
  { path: '/compounds', label: 'menu.inventory', permission: 'inventory.read', Component: CompoundsPage },
  { path: '/compounds/map', permission: 'inventory.read', Component: CompoundMapPage },
  { path: '/compounds/import', permission: 'inventory.write', Component: ImportPage },
  { path: '/compounds/:id', permission: 'inventory.read', Component: CompoundDetailPage },
];
