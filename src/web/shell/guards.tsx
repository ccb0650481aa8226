/** Route guards: a session is needed for the app, a permission for each page. */
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Action } from '../../domain/access.js';
import { useCan, useMe } from '../shared/session.js';
import { ForcedPasswordChange } from './AccountPage.js';
import { ForbiddenPage } from './ResultPages.js';

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

/** Where to go after logging in: a same-site path only, never another origin. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** Renders its children for a logged-in user; otherwise sends them to log in, remembering where they were. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed', { message: me.error.message })}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!me.data) {
    const here = `${location.pathname}${location.search}`;
    const search = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  // A password someone else chose is replaced before anything else (the server refuses the rest).
  if (me.data.mustChangePassword) return <ForcedPasswordChange />;
  return children;
}

/** Renders its children only when the user holds the permission; a 403 page otherwise. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const can = useCan();
  return can(action) ? children : <ForbiddenPage />;
}
