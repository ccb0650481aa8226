/** Users: the list, one user, and the mutations; every mutation refreshes the users it may have changed. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, UpdateUserBody, UserListQuery } from '../../../contract/users.js';
import { usersEndpoints } from '../../../contract/users.js';
import { call } from '../../shared/api.js';

export const usersKey = ['users'] as const;

export function useUserList(query: UserListQuery) {
  return useQuery({
    queryKey: [...usersKey, 'list', query],
    queryFn: ({ signal }) => call(usersEndpoints.listUsers, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One user, fresh from the server (the edit form needs its current version). */
export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...usersKey, 'one', id],
    queryFn: ({ signal }) => call(usersEndpoints.getUser, { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
    // Forget it once the form closes and never refetch under the user's edits; the version stays the one shown.
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** A function refetching every users query (after a mutation, or a 409 conflict). */
export function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersKey });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserBody) => call(usersEndpoints.createUser, { body }),
    onSettled: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      call(usersEndpoints.updateUser, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, version, password }: { id: string; version: number; password: string }) =>
      call(usersEndpoints.resetPassword, { params: { id }, body: { version, password } }),
    onSettled: invalidate,
  });
}
