/**
 * Every HTTP endpoint as data: the server registers its routes from these entries (validation
 * and OpenAPI) and the web client calls them by the same entries (types). One contract; each
 * area declares its endpoints in its own file, and this list assembles them.
 */

import { auditEndpoints } from './audit.js';
import { authEndpoints } from './auth.js';
import { consultationsEndpoints } from './consultations.js';
import { facilitiesEndpoints } from './facilities.js';
import { illegalEndpoints } from './illegal.js';
import { importsEndpoints } from './imports.js';
import { inventoryEndpoints } from './inventory.js';
import { ledgerEndpoints } from './ledger.js';
import { notificationsEndpoints } from './notifications.js';
import { opinionsEndpoints } from './opinions.js';
import { organisationEndpoints } from './organisation.js';
import { photosEndpoints } from './photos.js';
import { portalEndpoints } from './portal.js';
import { projectsEndpoints } from './projects.js';
import { proposalsEndpoints } from './proposals.js';
import { qualityBoardEndpoints, qualityEndpoints, qualityRecordEndpoints } from './quality.js';
import { regionsEndpoints } from './regions.js';
import { settingsEndpoints } from './settings.js';
import { statsEndpoints } from './stats.js';
import { supervisorsEndpoints } from './supervisors.js';
import { systemEndpoints } from './system.js';
import { usersEndpoints } from './users.js';
import { votesEndpoints } from './votes.js';

export type { Endpoint } from './endpoint.js';

export const api = {
  ...systemEndpoints,
  ...authEndpoints,
  ...usersEndpoints,
  ...auditEndpoints,
  ...regionsEndpoints,
  ...inventoryEndpoints,
  ...statsEndpoints,
  ...importsEndpoints,
  ...projectsEndpoints,
  ...organisationEndpoints,
  ...ledgerEndpoints,
  ...notificationsEndpoints,
  ...photosEndpoints,
  ...qualityEndpoints,
  ...qualityRecordEndpoints,
  ...qualityBoardEndpoints,
  ...settingsEndpoints,
  ...illegalEndpoints,
  ...supervisorsEndpoints,
  ...consultationsEndpoints,
  ...votesEndpoints,
  ...opinionsEndpoints,
  ...proposalsEndpoints,
  ...facilitiesEndpoints,
  ...portalEndpoints,
} as const;
