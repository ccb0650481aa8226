/** Catalogue writes. A change of an item's mandatory flag or its retirement changes every project's next step. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateCatalogueItemBody, UpdateCatalogueItemBody } from '../../../contract/projects.js';
import { projectsEndpoints } from '../../../contract/projects.js';
import { call } from '../../shared/api.js';
import { projectsKey } from '../projects/queries.js';

function useSettle() {
  const queryClient = useQueryClient();
  // The catalogue and every project read (their items and next-step problems follow it).
  return () => queryClient.invalidateQueries({ queryKey: projectsKey });
}

export function useCreateCatalogueItem() {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: CreateCatalogueItemBody) => call(projectsEndpoints.createCatalogueItem, { body }),
    onSuccess: settle,
  });
}

export function useUpdateCatalogueItem() {
  const settle = useSettle();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: UpdateCatalogueItemBody }) =>
      call(projectsEndpoints.updateCatalogueItem, { params: { code }, body }),
    onSuccess: settle,
  });
}
