import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const OverviewPage = lazy(() => import('./OverviewPage.js').then((m) => ({ default: m.OverviewPage })));

/** The overview area's pages; the shell's navigation table places them in the menu. */
export const overviewPages: NavPage[] = [
  { path: '/overview', label: 'menu.overview', permission: 'stats.read', Component: OverviewPage },
];
