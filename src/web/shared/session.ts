/** The signed-in user: who they are, what they may do, and logging in and out. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SignedIn as Me } from '../../contract/auth.js';
import { authEndpoints } from '../../contract/auth.js';
import type { Action } from '../../domain/access.js';
import { ApiError, call, setCsrfToken } from './api.js';

export const meKey = ['auth', 'me'] as const;

async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    const me = await call(authEndpoints.me, { signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The current session's user, or null when nobody is logged in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** A predicate over the current user's permissions (false while nobody is logged in). */
export function useCan(): (action: Action) => boolean {
  const { data: me } = useMe();
  return (action) => me?.permissions.includes(action) ?? false;
}

/** Log in; on success the whole cache is reset to the new user's view. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => call(authEndpoints.login, { body }),
    onSuccess: (me) => {
      queryClient.removeQueries();
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meKey, me);
    },
  });
}

/** Log out; the local session is forgotten even when the server could not be told. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(authEndpoints.logout),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries();
      queryClient.setQueryData(meKey, null);
    },
  });
}

/** Change one's own password; the answer is the session's user, no longer required to change it. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(authEndpoints.changePassword, { body }),
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      void queryClient.invalidateQueries({ queryKey: ['auth', 'sessions'] });
    },
  });
}

/** One's own signed-in sessions (browsers, devices). */
export function useOwnSessions(enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: ({ signal }) => call(authEndpoints.listSessions, { signal }),
    enabled,
  });
}

/** Sign out everywhere but here. */
export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(authEndpoints.revokeOtherSessions),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['auth', 'sessions'] }),
  });
}
