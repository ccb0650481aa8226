/**
 * The one table of navigable pages: the router builds its routes from it and the side menu its
 * entries, so a page appears in the menu exactly when it exists and the user may open it.
 */
import { SettingOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { type ComponentType, lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../domain/access.js';
import type { Messages } from '../i18n/zh-CN.js';
import { useCan } from '../shared/session.js';

type MenuLabel = `menu.${keyof Messages['menu']}`;

export interface NavPage {
  path: string;
  label: MenuLabel;
  permission: Action;
  Component: ComponentType;
}

export interface NavGroup {
  key: string;
  label: MenuLabel;
  icon: ReactNode;
  pages: NavPage[];
}

const UsersPage = lazy(() =>
  import('../features/users/UsersPage.js').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })),
);

/** Menu groups in the order of the design's side menu; add an area here when it works. */
export const navigation: NavGroup[] = [
  {
    key: 'admin',
    label: 'menu.admin',
    icon: <SettingOutlined />,
    pages: [
      { path: '/admin/users', label: 'menu.users', permission: 'user.manage', Component: UsersPage },
      { path: '/admin/audit', label: 'menu.audit', permission: 'audit.read', Component: AuditPage },
    ],
  },
];

/** The side menu's items for the current user: only pages their permissions allow, only non-empty groups. */
export function useMenuItems(): NonNullable<MenuProps['items']> {
  const { t } = useTranslation();
  const can = useCan();
  return navigation.flatMap((group) => {
    const children = group.pages
      .filter((page) => can(page.permission))
      .map((page) => ({ key: page.path, label: t(page.label) }));
    return children.length > 0 ? [{ key: group.key, icon: group.icon, label: t(group.label), children }] : [];
  });
}
