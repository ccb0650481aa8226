import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const RegisterPage = lazy(() => import('./RegisterPage.js').then((m) => ({ default: m.RegisterPage })));
const MinePage = lazy(() => import('./MinePage.js').then((m) => ({ default: m.MinePage })));
const BoardPage = lazy(() => import('./BoardPage.js').then((m) => ({ default: m.BoardPage })));
const SurveyImportPage = lazy(() =>
  import('./SurveyImportPage.js').then((m) => ({ default: m.SurveyImportPage })),
);
const StructurePage = lazy(() => import('./StructurePage.js').then((m) => ({ default: m.StructurePage })));

/** The illegal structures area's pages; the shell's navigation table places them in the menu. */
export const illegalPages: NavPage[] = [
  { path: '/illegal', label: 'menu.illegalRegister', permission: 'illegal.read', Component: RegisterPage },
  { path: '/illegal/mine', label: 'menu.illegalMine', permission: 'illegal.visit', Component: MinePage },
  { path: '/illegal/board', label: 'menu.illegalBoard', permission: 'illegal.read', Component: BoardPage },
  { path: '/illegal/import', permission: 'illegal.write', Component: SurveyImportPage },
  { path: '/illegal/:id', permission: 'illegal.read', Component: StructurePage },
];
