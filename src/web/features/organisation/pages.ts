import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const OrganisationPage = lazy(() =>
  import('./OrganisationPage.js').then((m) => ({ default: m.OrganisationPage })),
);

/** The organisation area's pages; the shell's navigation table places them in the menu. */
export const organisationPages: NavPage[] = [
  {
    path: '/organisation',
    label: 'menu.organisation',
    permission: 'project.read',
    Component: OrganisationPage,
  },
];
