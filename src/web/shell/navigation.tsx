/**
 * The one table of navigable pages: the router builds its routes from it and the side menu its
 * entries, so a page appears in the menu exactly when it exists and the user may open it.
 */
import {
  ApartmentOutlined,
  BuildOutlined,
  CommentOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileDoneOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../domain/access.js';
import { auditPages } from '../features/audit/pages.js';
import { cataloguePages } from '../features/catalogue/pages.js';
import { consultationPages } from '../features/consultations/pages.js';
import { facilitiesPages } from '../features/facilities/pages.js';
import { fundingPages } from '../features/funding/pages.js';
import { illegalPages } from '../features/illegal/pages.js';
import { inventoryPages } from '../features/inventory/pages.js';
import { ledgerPages } from '../features/ledger/pages.js';
import { opinionsPages } from '../features/opinions/pages.js';
import { organisationPages } from '../features/organisation/pages.js';
import { overviewPages } from '../features/overview/pages.js';
import { projectsPages } from '../features/projects/pages.js';
import { proposalPages } from '../features/proposals/pages.js';
import { calendarPages, qualityBoardPages, qualityPages } from '../features/quality/pages.js';
import { settingsPages } from '../features/settings/pages.js';
import { supervisorsPages } from '../features/supervisors/pages.js';
import { usersPages } from '../features/users/pages.js';
import { votesPages } from '../features/votes/pages.js';
import type { Messages } from '../i18n/zh-CN.js';
import { useCan } from '../shared/session.js';

type MenuLabel = `menu.${keyof Messages['menu']}`;

export interface NavPage {
  path: string;
  /** Its menu entry; a page without one is reached from another (a record's detail, a wizard). */
  label?: MenuLabel;
  permission: Action;
  Component: ComponentType;
}

export interface NavGroup {
  key: string;
  label: MenuLabel;
  icon: ReactNode;
  pages: NavPage[];
}

/**
 * Menu groups in the order of the design's side menu; add an area here when it works. A group
 * with a single menu page is shown as one top-level entry under the group's label.
 */
export const navigation: NavGroup[] = [
  {
    key: 'overview',
    label: 'menu.overview',
    icon: <DashboardOutlined />,
    pages: overviewPages,
  },
  {
    key: 'inventory',
    label: 'menu.inventory',
    icon: <HomeOutlined />,
    pages: inventoryPages,
  },
  {
    key: 'projects',
    label: 'menu.projects',
    icon: <ToolOutlined />,
    pages: [...projectsPages, ...qualityPages, ...cataloguePages, ...fundingPages, ...facilitiesPages],
  },
  {
    key: 'ledger',
    label: 'menu.ledger',
    icon: <FileDoneOutlined />,
    pages: ledgerPages,
  },
  {
    key: 'quality',
    label: 'menu.quality',
    icon: <SafetyCertificateOutlined />,
    pages: qualityBoardPages,
  },
  {
    key: 'illegal',
    label: 'menu.illegal',
    icon: <BuildOutlined />,
    pages: illegalPages,
  },
  {
    key: 'supervisors',
    label: 'menu.supervisors',
    icon: <EyeOutlined />,
    pages: supervisorsPages,
  },
  {
    key: 'participation',
    label: 'menu.participation',
    icon: <CommentOutlined />,
    pages: opinionsPages,
  },
  {
    key: 'residents',
    label: 'menu.residents',
    icon: <TeamOutlined />,
    pages: [...consultationPages, ...votesPages],
  },
  {
    key: 'proposals',
    label: 'menu.proposals',
    icon: <SolutionOutlined />,
    pages: proposalPages,
  },
  {
    key: 'organisation',
    label: 'menu.organisation',
    icon: <ApartmentOutlined />,
    pages: organisationPages,
  },
  {
    key: 'admin',
    label: 'menu.admin',
    icon: <SettingOutlined />,
    pages: [...usersPages, ...auditPages, ...settingsPages, ...calendarPages],
  },
];

/** The pages that have a menu entry. */
export const menuPages = navigation.flatMap((group) => group.pages.filter((page) => page.label));

/** The side menu's items for the current user: only pages their permissions allow, only non-empty groups. */
export function useMenuItems(): NonNullable<MenuProps['items']> {
  const { t } = useTranslation();
  const can = useCan();
  return navigation.flatMap((group) => {
    const children = group.pages.flatMap((page) =>
      page.label && can(page.permission) ? [{ key: page.path, label: t(page.label) }] : [],
    );
    const [only] = children;
    if (children.length === 1 && only && group.pages.filter((p) => p.label).length === 1) {
      return [{ key: only.key, icon: group.icon, label: t(group.label) }];
    }
    return children.length > 0 ? [{ key: group.key, icon: group.icon, label: t(group.label), children }] : [];
  });
}
