/** Providers around the router: antd (locale, sizes for touch, no motion when the system asks for less), TanStack Query, session-loss handling. */
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { currentLanguage } from '../i18n/index.js';
import { ApiError, isSessionError } from '../shared/api.js';
import { useIsPhone, useReducedMotion } from '../shared/responsive.js';
import { meKey } from '../shared/session.js';
import { router } from './router.js';

function createQueryClient(onSessionLost: (error: ApiError) => void): QueryClient {
  const onError = (error: unknown) => {
    if (!isSessionError(error)) return;
    onSessionLost(error);
    // With no user the route guard sends the browser to /login?next=<where it was>.
    client.setQueryData(meKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Retrying a refusal (4xx) cannot help; a network blip or a 5xx may.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

function QueryProvider({ children }: { children: ReactNode }) {
  const { message } = AntApp.useApp();
  const notify = useRef(message);
  notify.current = message;
  const [client] = useState(() =>
    createQueryClient((error) => {
      // The first /me check never lands here (no session is normal there): this session was lost mid-use.
      void notify.current.warning({ key: 'session', content: error.message });
    }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

export function Root() {
  useTranslation(); // re-render on a language change
  const isPhone = useIsPhone();
  const reducedMotion = useReducedMotion();
  const language = currentLanguage();
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      componentSize={isPhone ? 'large' : 'middle'}
      theme={{ token: { motion: !reducedMotion } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryProvider>
          <RouterProvider router={router} />
        </QueryProvider>
      </AntApp>
    </ConfigProvider>
  );
}
