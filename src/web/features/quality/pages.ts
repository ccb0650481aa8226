import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const ProjectQualityPage = lazy(() =>
  import('./ProjectQualityPage.js').then((m) => ({ default: m.ProjectQualityPage })),
);
const BoardPage = lazy(() => import('./BoardPage.js').then((m) => ({ default: m.BoardPage })));
const FirmsPage = lazy(() => import('./FirmsPage.js').then((m) => ({ default: m.FirmsPage })));
const CalendarPage = lazy(() => import('./CalendarPage.js').then((m) => ({ default: m.CalendarPage })));

/** A project's quality page, reached from the project's page (no menu entry of its own). */
export const qualityPages: NavPage[] = [
  { path: '/projects/:id/quality', permission: 'project.read', Component: ProjectQualityPage },
];

/** The quality board and the firms registry; the shell's navigation table places them in the menu. */
export const qualityBoardPages: NavPage[] = [
  { path: '/quality/board', label: 'menu.qualityBoard', permission: 'project.read', Component: BoardPage },
  { path: '/firms', label: 'menu.firms', permission: 'project.read', Component: FirmsPage },
];

/** The working-day calendar, with the district's settings. */
export const calendarPages: NavPage[] = [
  {
    path: '/admin/calendar',
    label: 'menu.workCalendar',
    permission: 'settings.manage',
    Component: CalendarPage,
  },
];
