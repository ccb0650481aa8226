import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const RegistryPage = lazy(() => import('./RegistryPage.js').then((m) => ({ default: m.RegistryPage })));
const MinePage = lazy(() => import('./MinePage.js').then((m) => ({ default: m.MinePage })));

/** The resident supervisors' pages; the shell's navigation table places them in the menu. */
export const supervisorsPages: NavPage[] = [
  {
    path: '/supervisors',
    label: 'menu.supervisorsRegistry',
    permission: 'supervisor.manage',
    Component: RegistryPage,
  },
  {
    path: '/supervisors/mine',
    label: 'menu.supervisorsMine',
    permission: 'supervisor.report',
    Component: MinePage,
  },
];
