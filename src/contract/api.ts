/**
 * Every HTTP endpoint as data: the server registers its routes from these entries (validation
 * and OpenAPI) and the web client calls them by the same entries (types). One contract.
 */
import { z } from 'zod';
import { AuditListQuery, AuditPage } from './audit.js';
import { LoginBody, Me } from './auth.js';
import { Ok } from './common.js';
import { ExportQuery, Job, JobId, LedgerKindParams, UploadQuery } from './imports.js';
import {
  CompoundDetail,
  CompoundId,
  CompoundListQuery,
  CompoundPage,
  HouseholdListQuery,
  HouseholdPage,
  MapPoints,
  MapQuery,
  RegionTree,
} from './inventory.js';
import {
  Board,
  CreateLedgerItemBody,
  CreateMeetingBody,
  LedgerItem,
  LedgerItemId,
  LedgerListQuery,
  LedgerPage,
  Meeting,
  ProgressBody,
} from './ledger.js';
import { MarkReadBody, NotificationList } from './notifications.js';
import {
  AccountabilityBody,
  CadreListQuery,
  CadrePage,
  Catalogue,
  CreateProjectBody,
  FundingBody,
  ItemsBody,
  PartyBodyPage,
  PartyBodyQuery,
  ProjectDetail,
  ProjectId,
  ProjectListQuery,
  ProjectPage,
  TransitionBody,
} from './projects.js';
import { RegionList } from './regions.js';
import { Summary, SummaryQuery } from './stats.js';
import {
  CreateUserBody,
  ResetPasswordBody,
  UpdateUserBody,
  User,
  UserId,
  UserListQuery,
  UserPage,
} from './users.js';

export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status?: 200 | 201 | 202;
  /** The body is a file upload (the raw bytes), not JSON. */
  upload?: true;
  /** The response is a file download (xlsx/csv), not JSON; `response` is then unused. */
  download?: true;
}

const endpoint = <E extends Endpoint>(e: E) => e;

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const api = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database kind',
    tag: 'system',
    response: Health,
  }),
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Log in; sets the session cookie',
    tag: 'auth',
    body: LoginBody,
    response: Me,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End the current session',
    tag: 'auth',
    response: Ok,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The current user, permissions and CSRF token',
    tag: 'auth',
    response: Me,
  }),
  listUsers: endpoint({
    method: 'GET',
    path: '/api/users',
    summary: 'List users (paged, filtered)',
    tag: 'users',
    query: UserListQuery,
    response: UserPage,
  }),
  getUser: endpoint({
    method: 'GET',
    path: '/api/users/:id',
    summary: 'One user',
    tag: 'users',
    params: UserId,
    response: User,
  }),
  createUser: endpoint({
    method: 'POST',
    path: '/api/users',
    summary: 'Create a user',
    tag: 'users',
    body: CreateUserBody,
    response: User,
    status: 201,
  }),
  updateUser: endpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change role, scope, name or disable',
    tag: 'users',
    params: UserId,
    body: UpdateUserBody,
    response: User,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/users/:id/password',
    summary: 'Set a new password; ends the user’s sessions',
    tag: 'users',
    params: UserId,
    body: ResetPasswordBody,
    response: User,
  }),
  listAudit: endpoint({
    method: 'GET',
    path: '/api/audit',
    summary: 'Audit events (paged, filtered)',
    tag: 'audit',
    query: AuditListQuery,
    response: AuditPage,
  }),
  listRegions: endpoint({
    method: 'GET',
    path: '/api/regions',
    summary: 'Regions within the caller’s scope',
    tag: 'regions',
    response: RegionList,
  }),
  regionTree: endpoint({
    method: 'GET',
    path: '/api/regions/tree',
    summary: 'Regions in scope with compound counts',
    tag: 'regions',
    response: RegionTree,
  }),
  listCompounds: endpoint({
    method: 'GET',
    path: '/api/compounds',
    summary: 'Compounds (paged, filtered, sorted)',
    tag: 'inventory',
    query: CompoundListQuery,
    response: CompoundPage,
  }),
  compoundMap: endpoint({
    method: 'GET',
    path: '/api/compounds/map',
    summary: 'Compound locations for the map',
    tag: 'inventory',
    query: MapQuery,
    response: MapPoints,
  }),
  getCompound: endpoint({
    method: 'GET',
    path: '/api/compounds/:id',
    summary: 'One compound with buildings, households summary and projects',
    tag: 'inventory',
    params: CompoundId,
    response: CompoundDetail,
  }),
  listHouseholds: endpoint({
    method: 'GET',
    path: '/api/compounds/:id/households',
    summary: 'A compound’s households; personal data masked unless the role needs it',
    tag: 'inventory',
    params: CompoundId,
    query: HouseholdListQuery,
    response: HouseholdPage,
  }),
  statsSummary: endpoint({
    method: 'GET',
    path: '/api/stats/summary',
    summary: 'Headline figures of the programme (flat object of numbers)',
    tag: 'stats',
    query: SummaryQuery,
    response: Summary,
  }),
  uploadImport: endpoint({
    method: 'POST',
    path: '/api/imports',
    summary: 'Upload a ledger (xlsx or csv, raw bytes) and check it; starts a job',
    tag: 'inventory',
    query: UploadQuery,
    upload: true,
    response: Job,
    status: 202,
  }),
  getJob: endpoint({
    method: 'GET',
    path: '/api/jobs/:id',
    summary: 'A background job: status, progress, report',
    tag: 'inventory',
    params: JobId,
    response: Job,
  }),
  confirmImport: endpoint({
    method: 'POST',
    path: '/api/jobs/:id/confirm',
    summary: 'Write a checked import (all or nothing)',
    tag: 'inventory',
    params: JobId,
    response: Job,
    status: 202,
  }),
  ledgerTemplate: endpoint({
    method: 'GET',
    path: '/api/ledgers/:kind/template',
    summary: 'A blank ledger to fill in (xlsx)',
    tag: 'inventory',
    params: LedgerKindParams,
    response: z.unknown(),
    download: true,
  }),
  exportLedger: endpoint({
    method: 'GET',
    path: '/api/ledgers/:kind/export',
    summary: 'The ledger within the caller’s scope and filters (xlsx or csv)',
    tag: 'inventory',
    params: LedgerKindParams,
    query: ExportQuery,
    response: z.unknown(),
    download: true,
  }),
  listProjects: endpoint({
    method: 'GET',
    path: '/api/projects',
    summary: 'Renovation projects (paged, filtered)',
    tag: 'projects',
    query: ProjectListQuery,
    response: ProjectPage,
  }),
  getProject: endpoint({
    method: 'GET',
    path: '/api/projects/:id',
    summary: 'One project with its named accountability',
    tag: 'projects',
    params: ProjectId,
    response: ProjectDetail,
  }),
  listCadres: endpoint({
    method: 'GET',
    path: '/api/cadres',
    summary: 'Cadres in the caller’s scope (no phones)',
    tag: 'organisation',
    query: CadreListQuery,
    response: CadrePage,
  }),
  listLedger: endpoint({
    method: 'GET',
    path: '/api/ledger',
    summary: 'Supervision ledger items in scope, most escalated first',
    tag: 'ledger',
    query: LedgerListQuery,
    response: LedgerPage,
  }),
  myLedger: endpoint({
    method: 'GET',
    path: '/api/ledger/mine',
    summary: 'Items owned by the caller’s cadre record',
    tag: 'ledger',
    query: LedgerListQuery,
    response: LedgerPage,
  }),
  ledgerBoard: endpoint({
    method: 'GET',
    path: '/api/ledger/board',
    summary: 'Open items per subdistrict by escalation',
    tag: 'ledger',
    response: Board,
  }),
  createLedgerItem: endpoint({
    method: 'POST',
    path: '/api/ledger',
    summary: 'Add a ledger item (deadline today or later)',
    tag: 'ledger',
    body: CreateLedgerItemBody,
    response: LedgerItem,
    status: 201,
  }),
  reportProgress: endpoint({
    method: 'POST',
    path: '/api/ledger/:id/progress',
    summary: 'Report progress (owner or supervising staff); may close the item',
    tag: 'ledger',
    params: LedgerItemId,
    body: ProgressBody,
    response: LedgerItem,
  }),
  createMeeting: endpoint({
    method: 'POST',
    path: '/api/meetings',
    summary: 'Record a meeting; each decision becomes a ledger item',
    tag: 'ledger',
    body: CreateMeetingBody,
    response: Meeting,
    status: 201,
  }),
  createProject: endpoint({
    method: 'POST',
    path: '/api/projects',
    summary: 'Start a project for a compound and year',
    tag: 'projects',
    body: CreateProjectBody,
    response: ProjectDetail,
    status: 201,
  }),
  setAccountability: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/accountability',
    summary: 'Name the liaison, the cadre in charge, the party organisation and the work group',
    tag: 'projects',
    params: ProjectId,
    body: AccountabilityBody,
    response: ProjectDetail,
  }),
  transitionProject: endpoint({
    method: 'POST',
    path: '/api/projects/:id/transition',
    summary: 'Move to the next lifecycle step (preconditions checked)',
    tag: 'projects',
    params: ProjectId,
    body: TransitionBody,
    response: ProjectDetail,
  }),
  setProjectItems: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/items',
    summary: 'Set the renovation items (a waived mandatory item needs a reason)',
    tag: 'projects',
    params: ProjectId,
    body: ItemsBody,
    response: ProjectDetail,
  }),
  setProjectFunding: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/funding',
    summary: 'Set planned / received / spent money per source (万元)',
    tag: 'projects',
    params: ProjectId,
    body: FundingBody,
    response: ProjectDetail,
  }),
  catalogue: endpoint({
    method: 'GET',
    path: '/api/catalogue',
    summary: 'The renovation item catalogue',
    tag: 'projects',
    response: Catalogue,
  }),
  listPartyBodies: endpoint({
    method: 'GET',
    path: '/api/party-bodies',
    summary: 'Party organisations, commando teams, vanguard posts, co-building units in scope',
    tag: 'organisation',
    query: PartyBodyQuery,
    response: PartyBodyPage,
  }),
  ledgerExport: endpoint({
    method: 'GET',
    path: '/api/ledger/export',
    summary: 'The ledger as the usual 台账 sheet (xlsx)',
    tag: 'ledger',
    query: LedgerListQuery,
    response: z.unknown(),
    download: true,
  }),
  notifications: endpoint({
    method: 'GET',
    path: '/api/notifications',
    summary: 'The caller’s notifications, newest first',
    tag: 'notifications',
    response: NotificationList,
  }),
  markNotificationsRead: endpoint({
    method: 'POST',
    path: '/api/notifications/read',
    summary: 'Mark notifications read',
    tag: 'notifications',
    body: MarkReadBody,
    response: NotificationList,
  }),
} as const;

export type Api = typeof api;
