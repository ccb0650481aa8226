import { lazy } from 'react';
import type { NavPage } from '../../shell/navigation.js';

const LedgerListPage = lazy(() => import('./LedgerListPage.js').then((m) => ({ default: m.LedgerListPage })));
const MyLedgerPage = lazy(() => import('./MyLedgerPage.js').then((m) => ({ default: m.MyLedgerPage })));
const BoardPage = lazy(() => import('./BoardPage.js').then((m) => ({ default: m.BoardPage })));
const MeetingPage = lazy(() => import('./MeetingPage.js').then((m) => ({ default: m.MeetingPage })));

/** The ledger area's pages; the shell's navigation table places them in the menu. */
export const ledgerPages: NavPage[] = [
  // One menu entry; the page's tabs lead to my items, the board and meetings.
  { path: '/ledger', label: 'menu.ledger', permission: 'ledger.read', Component: LedgerListPage },
  { path: '/ledger/mine', permission: 'ledger.read', Component: MyLedgerPage },
  { path: '/ledger/board', permission: 'ledger.read', Component: BoardPage },
  { path: '/ledger/meetings', permission: 'ledger.write', Component: MeetingPage },
];
