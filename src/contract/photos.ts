import { z } from 'zod';
import { limits, Ok, text } from './common.js';
import { endpoint } from './endpoint.js';

export const Photo = z.object({
  id: text(),
  fileName: text(),
  size: z.number().int(),
  createdAt: text(),
});
export const PhotoParams = z.object({ id: z.uuid(), code: text().max(limits.catalogueCode.max) });
export const PhotoUploadQuery = z.object({ fileName: text().trim().min(1).max(200) });
export const PhotoId = z.object({ id: z.uuid() });

/** The photos area's endpoints; `api.ts` assembles every area's list. */
export const photosEndpoints = {
  uploadPhoto: endpoint({
    method: 'POST',
    path: '/api/projects/:id/items/:code/photos',
    summary: 'Add a site photo to a renovation item (JPEG, PNG or WebP, raw bytes)',
    tag: 'projects',
    params: PhotoParams,
    query: PhotoUploadQuery,
    upload: true,
    response: Photo,
    status: 201,
  }),
  getPhoto: endpoint({
    method: 'GET',
    path: '/api/photos/:id',
    summary: 'One site photo (the image)',
    tag: 'projects',
    params: PhotoId,
    response: z.unknown(),
    download: true,
  }),
  deletePhoto: endpoint({
    method: 'DELETE',
    path: '/api/photos/:id',
    summary: 'Remove a site photo',
    tag: 'projects',
    params: PhotoId,
    response: Ok,
  }),
} as const;
