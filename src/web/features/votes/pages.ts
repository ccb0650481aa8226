import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const VotesPage = lazy(() => import('./VotesPage.js').then((m) => ({ default: m.VotesPage })));
const VotePage = lazy(() => import('./VotePage.js').then((m) => ({ default: m.VotePage })));

/** The owners' votes pages; the shell's navigation table places them in the menu. */
export const votesPages: NavPage[] = [
  { path: '/votes', label: 'menu.votes', permission: 'inventory.read', Component: VotesPage },
  { path: '/votes/:id', permission: 'inventory.read', Component: VotePage },
];
