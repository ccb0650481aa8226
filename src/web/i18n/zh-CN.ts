/**
 * Chinese (default) interface strings, assembled from the areas that own them: each area's
 * `messages.ts` holds its namespaces in both languages. A new area adds its file here.
 */

import * as audit from '../features/audit/messages.js';
import * as catalogue from '../features/catalogue/messages.js';
import * as consultations from '../features/consultations/messages.js';
import * as facilities from '../features/facilities/messages.js';
import * as funding from '../features/funding/messages.js';
import * as illegal from '../features/illegal/messages.js';
import * as inventory from '../features/inventory/messages.js';
import * as ledger from '../features/ledger/messages.js';
import * as opinions from '../features/opinions/messages.js';
import * as organisation from '../features/organisation/messages.js';
import * as overview from '../features/overview/messages.js';
import * as photos from '../features/photos/messages.js';
import * as portal from '../features/portal/messages.js';
import * as projects from '../features/projects/messages.js';
import * as proposals from '../features/proposals/messages.js';
import * as quality from '../features/quality/messages.js';
import * as settings from '../features/settings/messages.js';
import * as supervisors from '../features/supervisors/messages.js';
import * as users from '../features/users/messages.js';
import * as votes from '../features/votes/messages.js';
import * as shell from '../shell/messages.js';

export const zhCN = {
  ...shell.zhCN,
  ...overview.zhCN,
  ...inventory.zhCN,
  ...projects.zhCN,
  ...catalogue.zhCN,
  ...funding.zhCN,
  ...facilities.zhCN,
  ...ledger.zhCN,
  ...illegal.zhCN,
  ...quality.zhCN,
  ...supervisors.zhCN,
  ...opinions.zhCN,
  ...consultations.zhCN,
  ...votes.zhCN,
  ...proposals.zhCN,
  ...portal.zhCN,
  ...organisation.zhCN,
  ...settings.zhCN,
  ...users.zhCN,
  ...audit.zhCN,
  ...photos.zhCN,
};

export type Messages = typeof zhCN;
