import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const ProposalsPage = lazy(() => import('./ProposalsPage.js').then((m) => ({ default: m.ProposalsPage })));
const ProposalPage = lazy(() => import('./ProposalPage.js').then((m) => ({ default: m.ProposalPage })));
const TemplatesPage = lazy(() => import('./TemplatesPage.js').then((m) => ({ default: m.TemplatesPage })));

/** The proposals area's pages; the shell's navigation table places them in the menu. */
export const proposalPages: NavPage[] = [
  { path: '/proposals', label: 'menu.proposalList', permission: 'proposal.read', Component: ProposalsPage },
  {
    path: '/proposals/templates',
    label: 'menu.proposalTemplates',
    permission: 'proposal.read',
    Component: TemplatesPage,
  },
  { path: '/proposals/:id', permission: 'proposal.read', Component: ProposalPage },
];
