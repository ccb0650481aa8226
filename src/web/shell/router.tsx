import { Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { useCan } from '../shared/session.js';
import { AccountPage } from './AccountPage.js';
import { AppLayout } from './AppLayout.js';
import { FullPageSpin, RequireAuth, RequirePermission } from './guards.js';
import { LoginPage } from './LoginPage.js';
import { navigation } from './navigation.js';
import { CrashPage, NotFoundPage } from './ResultPages.js';
import { WorkbenchPage } from './WorkbenchPage.js';

/** Home: the overview for everyone who may read the figures, otherwise their workbench. */
function Home() {
  const can = useCan();
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
      { path: 'account', element: <AccountPage /> },
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
