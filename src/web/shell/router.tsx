import { Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { useCan, useMe } from '../shared/session.js';
import { AppLayout } from './AppLayout.js';
import { FullPageSpin, RequireAuth, RequirePermission } from './guards.js';
import { LoginPage } from './LoginPage.js';
import { navigation } from './navigation.js';
import { CrashPage, NotFoundPage } from './ResultPages.js';
import { WorkbenchPage } from './WorkbenchPage.js';

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

/** Routes: /login is public; everything else needs a session, and each page its permission. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <CrashPage />,
    children: [
      { index: true, element: <Home /> },
      { path: 'workbench', element: <WorkbenchPage /> },
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
