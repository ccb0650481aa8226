import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { useCan, useMe } from '../shared/session.js';
import { FullPageSpin, RequireAuth, RequirePermission } from './guards.js';
import { LoginPage } from './LoginPage.js';
import { navigation } from './navigation.js';
import { CrashPage, NotFoundPage } from './ResultPages.js';

// The login page is all a new visitor needs: the signed-in frame (menu, notifications) and the
// workbench load after it, as each page does (navigation.tsx).
const loadAppLayout = () => import('./AppLayout.js');
const AppLayout = lazy(() => loadAppLayout().then((m) => ({ default: m.AppLayout })));
const AccountPage = lazy(() => import('./AccountPage.js').then((m) => ({ default: m.AccountPage })));
const PublicQuestionnaire = lazy(() =>
  import('../features/consultations/PublicPage.js').then((m) => ({ default: m.PublicPage })),
);
const BallotPage = lazy(() =>
  import('../features/votes/BallotPage.js').then((m) => ({ default: m.BallotPage })),
);
const VotePrintPage = lazy(() =>
  import('../features/votes/PrintPage.js').then((m) => ({ default: m.VotePrintPage })),
);
const NoticesPrintPage = lazy(() =>
  import('../features/votes/PrintPage.js').then((m) => ({ default: m.NoticesPrintPage })),
);
const ScreenPage = lazy(() =>
  import('../features/overview/ScreenPage.js').then((m) => ({ default: m.ScreenPage })),
);
const WorkbenchPage = lazy(() => import('./WorkbenchPage.js').then((m) => ({ default: m.WorkbenchPage })));

/**
 * Home: a cadre (a login linked to a cadre record) starts on what they answer for; everyone else
 * who may read the figures on the overview; the rest on their workbench.
 */
function Home() {
  const can = useCan();
  const { data: me } = useMe();
  if (me?.cadreId && can('ledger.read')) return <Navigate to="/ledger/mine" replace />;
  return can('stats.read') ? <Navigate to="/overview" replace /> : <WorkbenchPage />;
}

/** Routes: /login, the residents' questionnaire /q/… and ballot /v/… are public; everything else needs a session, and each page its permission. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
  // Residents without an account: a compound's questionnaire (the household's code proves it) and
  // an owner's online ballot (the code on their notice).
  ...[
    { path: '/q/:compoundId', Page: PublicQuestionnaire },
    { path: '/v/:id', Page: BallotPage },
  ].map(({ path, Page }) => ({
    path,
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <Page />
      </Suspense>
    ),
    errorElement: <CrashPage />,
  })),
  // Sheets to print and the command centre's wall screen (大屏), without the app's frame.
  ...[
    { path: '/screen', Page: ScreenPage, action: 'stats.read' as const },
    { path: '/print/votes/:id', Page: VotePrintPage, action: 'inventory.read' as const },
    { path: '/print/votes/:id/notices', Page: NoticesPrintPage, action: 'vote.manage' as const },
  ].map(({ path, Page, action }) => ({
    path,
    element: (
      <RequireAuth>
        <RequirePermission action={action}>
          <Suspense fallback={<FullPageSpin />}>
            <Page />
          </Suspense>
        </RequirePermission>
      </RequireAuth>
    ),
    errorElement: <CrashPage />,
  })),
  {
    path: '/',
    // Fetch the frame while the session is checked, not after it.
    loader: () => {
      void loadAppLayout();
      return null;
    },
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageSpin />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    errorElement: <CrashPage />,
    children: [
      {
        index: true,
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <Home />
          </Suspense>
        ),
      },
      {
        path: 'workbench',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <WorkbenchPage />
          </Suspense>
        ),
      },
      {
        path: 'account',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <AccountPage />
          </Suspense>
        ),
      },
      ...navigation
        .flatMap((group) => group.pages)
        .map(({ path, permission, Component }) => ({
          path,
          element: (
            <RequirePermission action={permission}>
              <Suspense fallback={<FullPageSpin />}>
                <Component />
              </Suspense>
            </RequirePermission>
          ),
        })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
