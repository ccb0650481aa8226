import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const LedgerListPage = lazy(() => import('./LedgerListPage.js').then((m) => ({ default: m.LedgerListPage })));
const MyLedgerPage = lazy(() => import('./MyLedgerPage.js').then((m) => ({ default: m.MyLedgerPage })));
const BoardPage = lazy(() => import('./BoardPage.js').then((m) => ({ default: m.BoardPage })));
const MeetingListPage = lazy(() =>
  import('./MeetingListPage.js').then((m) => ({ default: m.MeetingListPage })),
);
const MeetingDetailPage = lazy(() =>
  import('./MeetingDetailPage.js').then((m) => ({ default: m.MeetingDetailPage })),
);
const MeetingPage = lazy(() => import('./MeetingPage.js').then((m) => ({ default: m.MeetingPage })));

/** The ledger area's pages; the shell's navigation table places them in the menu. */
export const ledgerPages: NavPage[] = [
  // The page's tabs lead to my items and the board.
  { path: '/ledger', label: 'menu.ledgerItems', permission: 'ledger.read', Component: LedgerListPage },
  { path: '/ledger/mine', permission: 'ledger.read', Component: MyLedgerPage },
  { path: '/ledger/board', permission: 'ledger.read', Component: BoardPage },
  { path: '/ledger/meetings', label: 'menu.meetings', permission: 'ledger.read', Component: MeetingListPage },
  { path: '/ledger/meetings/new', permission: 'ledger.write', Component: MeetingPage },
  { path: '/ledger/meetings/:id', permission: 'ledger.read', Component: MeetingDetailPage },
];
