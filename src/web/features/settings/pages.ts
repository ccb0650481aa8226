import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const SettingsPage = lazy(() => import('./SettingsPage.js').then((m) => ({ default: m.SettingsPage })));

/** The settings area's pages; the shell's navigation table places them in the menu. */
export const settingsPages: NavPage[] = [
  { path: '/admin/settings', label: 'menu.settings', permission: 'settings.manage', Component: SettingsPage },
];
