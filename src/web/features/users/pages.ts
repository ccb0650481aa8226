import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const UsersPage = lazy(() => import('./UsersPage.js').then((m) => ({ default: m.UsersPage })));

/** The users area's pages; the shell's navigation table places them in the menu. */
export const usersPages: NavPage[] = [
  { path: '/admin/users', label: 'menu.users', permission: 'user.manage', Component: UsersPage },
];
