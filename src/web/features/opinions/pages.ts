import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const InboxPage = lazy(() => import('./InboxPage.js').then((m) => ({ default: m.InboxPage })));
const OpinionPage = lazy(() => import('./OpinionPage.js').then((m) => ({ default: m.OpinionPage })));

/** Residents' opinions (the staff inbox); the shell's navigation table places them in the menu. */
export const opinionsPages: NavPage[] = [
  { path: '/opinions', label: 'menu.opinions', permission: 'opinion.read', Component: InboxPage },
  { path: '/opinions/:id', permission: 'opinion.read', Component: OpinionPage },
];
