import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const AuditPage = lazy(() => import('./AuditPage.js').then((m) => ({ default: m.AuditPage })));

/** The audit area's pages; the shell's navigation table places them in the menu. */
export const auditPages: NavPage[] = [
  { path: '/admin/audit', label: 'menu.audit', permission: 'audit.read', Component: AuditPage },
];
