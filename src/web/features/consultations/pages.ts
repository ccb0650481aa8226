import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const ListPage = lazy(() => import('./ListPage.js').then((m) => ({ default: m.ListPage })));
const ConsultationPage = lazy(() =>
  import('./ConsultationPage.js').then((m) => ({ default: m.ConsultationPage })),
);
const StageListsPage = lazy(() => import('./StageListsPage.js').then((m) => ({ default: m.StageListsPage })));
const CouncilsPage = lazy(() => import('./CouncilsPage.js').then((m) => ({ default: m.CouncilsPage })));

/** Residents decide: consultations (一征三议两公开) and councils. The public questionnaire is `PublicPage`, outside the shell. */
export const consultationPages: NavPage[] = [
  {
    path: '/consultations',
    label: 'menu.consultationList',
    permission: 'consultation.read',
    Component: ListPage,
  },
  {
    path: '/consultations/stage-lists',
    label: 'menu.stageLists',
    permission: 'consultation.read',
    Component: StageListsPage,
  },
  { path: '/consultations/:id', permission: 'consultation.read', Component: ConsultationPage },
  { path: '/councils', label: 'menu.councils', permission: 'consultation.read', Component: CouncilsPage },
];
