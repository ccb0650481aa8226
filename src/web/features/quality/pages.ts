import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const ProjectQualityPage = lazy(() =>
  import('./ProjectQualityPage.js').then((m) => ({ default: m.ProjectQualityPage })),
);

/** The quality area's pages; a project's quality is reached from the project's page. */
export const qualityPages: NavPage[] = [
  { path: '/projects/:id/quality', permission: 'project.read', Component: ProjectQualityPage },
];
