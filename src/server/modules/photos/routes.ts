import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { loadPhoto } from './access.js';
import { deletePhoto } from './service.js';

export function photoRoutes(app: FastifyInstance, deps: Deps) {
  route(app, deps, api.getPhoto, { action: 'project.read' }, async (ctx, { params, reply }) => {
    const photo = await loadPhoto(ctx, params.id, 'read');
    return reply
      .type(photo.contentType)
      .header('cache-control', 'private, max-age=86400, immutable')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`)
      .send(photo.bytes);
  });
  route(app, deps, api.deletePhoto, { action: 'project.write' }, async (ctx, { params }) =>
    deletePhoto(ctx, params.id),
  );
}
