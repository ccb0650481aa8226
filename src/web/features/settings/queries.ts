/** District settings: read, and change (every figure and reminder that follows them is refetched). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateSettingsBody } from '../../../contract/settings.js';
import { settingsEndpoints } from '../../../contract/settings.js';
import { call } from '../../shared/api.js';

export const settingsKey = ['settings'] as const;

export function useSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => call(settingsEndpoints.settings, { signal }),
    // Never refetch under the user's edits.
    refetchOnWindowFocus: false,
  });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSettingsBody) => call(settingsEndpoints.updateSettings, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      // Old-compound counts, escalation levels, boards and reminders all follow the settings.
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== settingsKey[0] && q.queryKey[0] !== 'auth',
      });
    },
  });
}
