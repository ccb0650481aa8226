import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const ProjectsPage = lazy(() => import('./ProjectsPage.js').then((m) => ({ default: m.ProjectsPage })));
const ProjectDetailPage = lazy(() =>
  import('./ProjectDetailPage.js').then((m) => ({ default: m.ProjectDetailPage })),
);
const BatchesPage = lazy(() => import('./BatchesPage.js').then((m) => ({ default: m.BatchesPage })));

/** The projects area's pages; the shell's navigation table places them in the menu. */
export const projectsPages: NavPage[] = [
  // The list's tabs lead to the batches.
  { path: '/projects', label: 'menu.projectList', permission: 'project.read', Component: ProjectsPage },
  { path: '/projects/batches', permission: 'project.read', Component: BatchesPage },
  { path: '/projects/:id', permission: 'project.read', Component: ProjectDetailPage },
];
