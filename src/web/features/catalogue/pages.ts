import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const CataloguePage = lazy(() => import('./CataloguePage.js').then((m) => ({ default: m.CataloguePage })));

/** The catalogue area's pages; the shell's navigation table places them in the menu. */
export const cataloguePages: NavPage[] = [
  { path: '/catalogue', label: 'menu.catalogue', permission: 'project.read', Component: CataloguePage },
];
