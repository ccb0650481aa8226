import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const FacilitiesPage = lazy(() => import('./FacilitiesPage.js').then((m) => ({ default: m.FacilitiesPage })));

/** The facilities area's pages; the shell's navigation table places them in the menu. */
export const facilitiesPages: NavPage[] = [
  { path: '/facilities', label: 'menu.facilities', permission: 'facility.read', Component: FacilitiesPage },
];
