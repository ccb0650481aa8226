import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import { loadPhoto } from './access.js';
import { attachmentKind, deletePhoto } from './service.js';

export function photoRoutes(app: FastifyInstance, deps: Deps) {
  route(app, deps, api.getPhoto, { action: 'project.read' }, async (ctx, { params, reply }) => {
    const photo = await loadPhoto(ctx, params.id, 'read');
    // A document (a lab report, bid documents) is downloaded under its name; a photo is shown.
    const disposition =
      attachmentKind(photo) === 'document'
        ? attachment(photo.fileName)
        : `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`;
    return reply
      .type(photo.contentType)
      .header('cache-control', 'private, max-age=86400, immutable')
      .header('content-disposition', disposition)
      .send(photo.bytes);
  });
  route(app, deps, api.deletePhoto, { action: 'project.write' }, async (ctx, { params }) =>
    deletePhoto(ctx, params.id),
  );
}
