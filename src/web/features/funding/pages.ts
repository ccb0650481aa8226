import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const FundingPage = lazy(() => import('./FundingPage.js').then((m) => ({ default: m.FundingPage })));

/** The funding area's pages; the shell's navigation table places them in the menu. */
export const fundingPages: NavPage[] = [
  { path: '/funding', label: 'menu.funding', permission: 'stats.read', Component: FundingPage },
];
