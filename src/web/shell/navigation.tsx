/**
 * The one table of navigable pages: the router builds its routes from it and the side menu its
 * entries, so a page appears in the menu exactly when it exists and the user may open it.
 */
import {
  ApartmentOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  HomeOutlined,
  SettingOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { type ComponentType, lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../domain/access.js';
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

const OverviewPage = lazy(() =>
  import('../features/overview/OverviewPage.js').then((m) => ({ default: m.OverviewPage })),
);
const CompoundsPage = lazy(() =>
  import('../features/inventory/CompoundsPage.js').then((m) => ({ default: m.CompoundsPage })),
);
const CompoundDetailPage = lazy(() =>
  import('../features/inventory/CompoundDetailPage.js').then((m) => ({ default: m.CompoundDetailPage })),
);
const CompoundMapPage = lazy(() =>
  import('../features/inventory/CompoundMapPage.js').then((m) => ({ default: m.CompoundMapPage })),
);
const ImportPage = lazy(() =>
  import('../features/inventory/ImportPage.js').then((m) => ({ default: m.ImportPage })),
);
const ProjectsPage = lazy(() =>
  import('../features/projects/ProjectsPage.js').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectDetailPage = lazy(() =>
  import('../features/projects/ProjectDetailPage.js').then((m) => ({ default: m.ProjectDetailPage })),
);
const BatchesPage = lazy(() =>
  import('../features/projects/BatchesPage.js').then((m) => ({ default: m.BatchesPage })),
);
const CataloguePage = lazy(() =>
  import('../features/catalogue/CataloguePage.js').then((m) => ({ default: m.CataloguePage })),
);
const FundingPage = lazy(() =>
  import('../features/funding/FundingPage.js').then((m) => ({ default: m.FundingPage })),
);
const LedgerListPage = lazy(() =>
  import('../features/ledger/LedgerListPage.js').then((m) => ({ default: m.LedgerListPage })),
);
const MyLedgerPage = lazy(() =>
  import('../features/ledger/MyLedgerPage.js').then((m) => ({ default: m.MyLedgerPage })),
);
const BoardPage = lazy(() =>
  import('../features/ledger/BoardPage.js').then((m) => ({ default: m.BoardPage })),
);
const MeetingListPage = lazy(() =>
  import('../features/ledger/MeetingListPage.js').then((m) => ({ default: m.MeetingListPage })),
);
const MeetingDetailPage = lazy(() =>
  import('../features/ledger/MeetingDetailPage.js').then((m) => ({ default: m.MeetingDetailPage })),
);
const MeetingPage = lazy(() =>
  import('../features/ledger/MeetingPage.js').then((m) => ({ default: m.MeetingPage })),
);
const OrganisationPage = lazy(() =>
  import('../features/organisation/OrganisationPage.js').then((m) => ({ default: m.OrganisationPage })),
);
const UsersPage = lazy(() =>
  import('../features/users/UsersPage.js').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
);

/**
 * Menu groups in the order of the design's side menu; add an area here when it works. A group
 * with a single menu page is shown as one top-level entry under the group's label.
 */
export const navigation: NavGroup[] = [
  {
    key: 'overview',
    label: 'menu.overview',
    icon: <DashboardOutlined />,
    pages: [{ path: '/overview', label: 'menu.overview', permission: 'stats.read', Component: OverviewPage }],
  },
  {
    key: 'inventory',
    label: 'menu.inventory',
    icon: <HomeOutlined />,
    pages: [
      { path: '/compounds', label: 'menu.inventory', permission: 'inventory.read', Component: CompoundsPage },
      { path: '/compounds/map', permission: 'inventory.read', Component: CompoundMapPage },
      { path: '/compounds/import', permission: 'inventory.write', Component: ImportPage },
      { path: '/compounds/:id', permission: 'inventory.read', Component: CompoundDetailPage },
    ],
  },
  {
    key: 'projects',
    label: 'menu.projects',
    icon: <ToolOutlined />,
    pages: [
      // The list's tabs lead to the batches.
      { path: '/projects', label: 'menu.projectList', permission: 'project.read', Component: ProjectsPage },
      { path: '/projects/batches', permission: 'project.read', Component: BatchesPage },
      { path: '/projects/:id', permission: 'project.read', Component: ProjectDetailPage },
      { path: '/catalogue', label: 'menu.catalogue', permission: 'project.read', Component: CataloguePage },
      { path: '/funding', label: 'menu.funding', permission: 'stats.read', Component: FundingPage },
    ],
  },
  {
    key: 'ledger',
    label: 'menu.ledger',
    icon: <FileDoneOutlined />,
    pages: [
      // One menu entry; the page's tabs lead to my items, the board and meetings.
      { path: '/ledger', label: 'menu.ledgerItems', permission: 'ledger.read', Component: LedgerListPage },
      { path: '/ledger/mine', permission: 'ledger.read', Component: MyLedgerPage },
      { path: '/ledger/board', permission: 'ledger.read', Component: BoardPage },
      {
        path: '/ledger/meetings',
        label: 'menu.meetings',
        permission: 'ledger.read',
        Component: MeetingListPage,
      },
      { path: '/ledger/meetings/new', permission: 'ledger.write', Component: MeetingPage },
      { path: '/ledger/meetings/:id', permission: 'ledger.read', Component: MeetingDetailPage },
    ],
  },
  {
    key: 'organisation',
    label: 'menu.organisation',
    icon: <ApartmentOutlined />,
    pages: [
      {
        path: '/organisation',
        label: 'menu.organisation',
        permission: 'project.read',
        Component: OrganisationPage,
      },
    ],
  },
  {
    key: 'admin',
    label: 'menu.admin',
    icon: <SettingOutlined />,
    pages: [
      { path: '/admin/users', label: 'menu.users', permission: 'user.manage', Component: UsersPage },
      { path: '/admin/audit', label: 'menu.audit', permission: 'audit.read', Component: AuditPage },
      {
        path: '/admin/settings',
        label: 'menu.settings',
        permission: 'settings.manage',
        Component: SettingsPage,
      },
    ],
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
