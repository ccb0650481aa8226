import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
/** Binary content; both drivers hand back bytes (pg a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** Administrative divisions; codes nest by prefix (410203 → 410203001 → 410203001xxx). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    scopeRegions: text('scope_regions').array().notNull().default(sql`'{}'::text[]`),
    /** The narrowest region holding the whole scope; null for district-wide roles. Scope filters use it. */
    regionCode: text('region_code'),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    failedCount: integer('failed_count').notNull().default(0),
    firstFailedAt: ts('first_failed_at'),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);

/**
 * Failed logins per account and client address: an address that keeps guessing locks the
 * account for itself only (the account-wide count, on `users`, has a much higher threshold).
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The client address ('' when unknown). */
    ip: text('ip').notNull(),
    failedCount: integer('failed_count').notNull().default(0),
    firstFailedAt: ts('first_failed_at'),
    lockedUntil: ts('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ip] })],
);

/** Server-side sessions, shared by every app instance; the cookie carries a token whose hash is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only, hash-chained audit trail: seq is gapless and each hash covers the previous one. */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    regionCode: text('region_code'),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_action_idx').on(t.action),
    index('audit_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);

/** Installation settings that rules read (e.g. the "old compound" cut-off year). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** Inventory totals of regions whose compounds are not held here (the city's other districts). */
export const regionCounts = pgTable('region_counts', {
  regionCode: text('region_code').primaryKey(),
  compounds: integer('compounds').notNull(),
  oldCompounds: integer('old_compounds').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
});

const area = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/** A residential compound (小区): the unit that gets renovated. Counts are the ledger's declared figures. */
export const compounds = pgTable(
  'compounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    /** The community (or, when unknown, subdistrict) the compound belongs to. */
    regionCode: text('region_code').notNull(),
    subdistrictCode: text('subdistrict_code').notNull().generatedAlwaysAs(sql`left(region_code, 9)`),
    buildYear: integer('build_year'),
    buildYearApprox: boolean('build_year_approx').notNull().default(false),
    buildingCount: integer('building_count').notNull().default(0),
    unitCount: integer('unit_count').notNull().default(0),
    householdCount: integer('household_count').notNull().default(0),
    residentCount: integer('resident_count').notNull().default(0),
    floorArea: area('floor_area').notNull().default(0),
    propertyManagement: text('property_management').notNull().default('none'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('compounds_code_uq').on(t.code),
    uniqueIndex('compounds_subdistrict_name_uq').on(t.subdistrictCode, t.name),
    index('compounds_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('compounds_build_year_idx').on(t.buildYear),
  ],
);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    number: text('number').notNull(),
    floors: integer('floors'),
    unitCount: integer('unit_count').notNull().default(1),
    householdCount: integer('household_count').notNull().default(0),
    floorArea: area('floor_area'),
    buildYear: integer('build_year'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('buildings_compound_number_uq').on(t.compoundId, t.number),
    // What a household's (building, compound) pair refers to.
    uniqueIndex('buildings_id_compound_uq').on(t.id, t.compoundId),
    index('buildings_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);

/** A person or body holding exclusive parts; one owner of several households counts once in a vote. */
export const owners = pgTable(
  'owners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull().default('person'),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    phone: text('phone'),
  },
  // Its leading column serves lookups by compound too.
  (t) => [uniqueIndex('owners_compound_id_number_uq').on(t.compoundId, t.idNumber)],
);

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    regionCode: text('region_code').notNull(),
    unit: text('unit').notNull(),
    room: text('room').notNull(),
    ownerId: uuid('owner_id').references(() => owners.id, { onDelete: 'set null' }),
    areaRegistered: area('area_registered'),
    areaSurveyed: area('area_surveyed'),
    areaContract: area('area_contract'),
    contactPhone: text('contact_phone'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One check for both: the building exists and is in the household's compound (and a
    // compound's deletion reaches its households through its buildings).
    foreignKey({
      name: 'households_building_compound_fk',
      columns: [t.buildingId, t.compoundId],
      foreignColumns: [buildings.id, buildings.compoundId],
    })
      .onDelete('cascade')
      .onUpdate('cascade'),
    uniqueIndex('households_building_unit_room_uq').on(t.buildingId, t.unit, t.room),
    index('households_compound_idx').on(t.compoundId),
    index('households_owner_idx').on(t.ownerId),
  ],
);

/** Several compounds renovated together in one year (one approval, one tender): a project each. */
export const projectBatches = pgTable(
  'project_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    /** The narrowest region holding every compound of the batch. */
    regionCode: text('region_code').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('project_batches_region_idx').on(t.regionCode.op('text_pattern_ops')),
    uniqueIndex('project_batches_year_name_uq').on(t.year, t.name),
  ],
);

/** A renovation project: one compound in one year. The projects area extends it. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    /** Named accountability (mechanism 2): the county-level liaison and the section-level cadre in charge. */
    liaisonCadreId: uuid('liaison_cadre_id').references((): AnyPgColumn => cadres.id),
    cadreInChargeId: uuid('cadre_in_charge_id').references((): AnyPgColumn => cadres.id),
    // Deferrable in the migration: party bodies and projects point at each other.
    tempPartyOrgId: uuid('temp_party_org_id').references((): AnyPgColumn => partyBodies.id),
    batchId: uuid('batch_id').references(() => projectBatches.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('projects_compound_year_uq').on(t.compoundId, t.year),
    index('projects_year_idx').on(t.year),
    index('projects_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('projects_batch_idx').on(t.batchId),
  ],
);

/** Long work (imports) done in the background; clients poll it for progress. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    fileName: text('file_name'),
    filePath: text('file_path'),
    progress: integer('progress').notNull().default(0),
    result: jsonb('result'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('jobs_created_by_idx').on(t.createdBy, t.createdAt)],
);

// ── Organisation (组织体系): headquarters, task forces, departments, units, cadres ──────────

/** Departments pooled into the headquarters (18 in the seed), and other departments. */
export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  pooled: boolean('pooled').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
});

/** The headquarters' task forces (专班; 9 in the seed), each led by a department. */
export const taskForces = pgTable('task_forces', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  leadDepartmentId: uuid('lead_department_id').references(() => departments.id),
  sort: integer('sort').notNull().default(0),
});

export const taskForceMembers = pgTable(
  'task_force_members',
  {
    taskForceId: uuid('task_force_id')
      .notNull()
      .references(() => taskForces.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('task_force_members_uq').on(t.taskForceId, t.departmentId)],
);

/** District units that send cadres to the front line (58 in the seed). */
export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Who answers for the unit's ledger items (deferrable: units and cadres point at each other). */
  leaderCadreId: uuid('leader_cadre_id').references((): AnyPgColumn => cadres.id),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
});

/** Party-member cadres (860+ in the seed); phone is personal data. */
export const cadres = pgTable(
  'cadres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    phone: text('phone'),
    /** Where the cadre works (scope of assignment checks and of lists). */
    regionCode: text('region_code').notNull(),
    // Deferrable in the migration, so a backup can restore subordinates before their superiors.
    superiorId: uuid('superior_id').references((): AnyPgColumn => cadres.id),
    /** The login of this cadre, when they have one. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('cadres_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('cadres_unit_idx').on(t.unitId),
  ],
);

/** Each subdistrict's first secretary (a district standing-committee member). */
export const firstSecretaries = pgTable('first_secretaries', {
  regionCode: text('region_code').primaryKey(),
  cadreId: uuid('cadre_id')
    .notNull()
    .references(() => cadres.id),
});

/**
 * Party bodies the seed counts: temporary party organisations (95), commando teams (127),
 * vanguard posts (248), co-building units (627); each attached to a project and/or a region.
 */
export const partyBodies = pgTable(
  'party_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    regionCode: text('region_code').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('party_bodies_kind_region_idx').on(t.kind, t.regionCode.op('text_pattern_ops')),
    index('party_bodies_project_idx').on(t.projectId),
  ],
);

/** A project's work group (工作组): the cadres pushing it on site. */
export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => cadres.id),
  },
  (t) => [uniqueIndex('project_members_uq').on(t.projectId, t.cadreId)],
);

// ── The supervision ledger (台账督办) and the meetings that feed it ──────────────────────────

/** Progress meetings and on-site office meetings: problems studied, decisions taken. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendees: text('attendees').array().notNull().default(sql`'{}'::text[]`),
    problems: text('problems'),
    regionCode: text('region_code').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('meetings_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);

/** One commitment with an owner and a deadline. Overdue is derived from the deadline, never stored. */
export const ledgerItems = pgTable(
  'ledger_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    /** Owned by a cadre or by a unit (then its leader answers for it); exactly one is set. */
    ownerCadreId: uuid('owner_cadre_id').references(() => cadres.id),
    ownerUnitId: uuid('owner_unit_id').references(() => units.id),
    /** The headquarters task force that supervises the item (for the board by task force). */
    taskForceId: uuid('task_force_id').references(() => taskForces.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    priority: text('priority').notNull().default('normal'),
    status: text('status').notNull().default('open'),
    regionCode: text('region_code').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('ledger_items_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('ledger_items_owner_idx').on(t.ownerCadreId, t.status),
    index('ledger_items_project_idx').on(t.projectId),
    index('ledger_items_open_deadline_idx').on(t.status, t.deadline),
    index('ledger_items_unit_idx').on(t.ownerUnitId, t.status),
    check('ledger_items_one_owner', sql`num_nonnulls(${t.ownerCadreId}, ${t.ownerUnitId}) = 1`),
  ],
);

export const ledgerProgress = pgTable(
  'ledger_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    evidence: text('evidence'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('ledger_progress_item_idx').on(t.itemId, t.createdAt)],
);

// ── What gets renovated (改造内容) and how it is paid for (资金整合) ─────────────────────────

/** The editable catalogue of renovation items (国办发〔2020〕23号 categories; the district's 8 mandatory ones flagged). */
export const catalogueItems = pgTable('catalogue_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  unit: text('unit').notNull(),
  mandatory: boolean('mandatory').notNull().default(false),
  sort: integer('sort').notNull().default(0),
  /** Retired items stay on the projects that chose them but are offered no more. */
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
});

/** An item chosen for a project, or a mandatory item waived with a recorded reason. */
export const projectItems = pgTable(
  'project_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    catalogueItemId: uuid('catalogue_item_id')
      .notNull()
      .references(() => catalogueItems.id),
    quantity: numeric('quantity', { precision: 14, scale: 2, mode: 'number' }),
    /** 万元 */
    budget: numeric('budget', { precision: 14, scale: 2, mode: 'number' }),
    progress: integer('progress').notNull().default(0),
    status: text('status').notNull().default('planned'),
    waiverReason: text('waiver_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('project_items_uq').on(t.projectId, t.catalogueItemId)],
);

/**
 * Photos: site photos of a project's renovation items (keyed by catalogue item, so they outlive a
 * re-save of the item list), and evidence attached to a ledger progress report. Kept in the
 * database so every instance and every backup has them.
 */
export const photos = pgTable(
  'photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    catalogueItemId: uuid('catalogue_item_id').references(() => catalogueItems.id),
    progressId: uuid('progress_id').references(() => ledgerProgress.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('photos_project_item_idx').on(t.projectId, t.catalogueItemId, t.createdAt),
    index('photos_progress_idx').on(t.progressId),
    check(
      'photos_of_one_thing',
      sql`(${t.catalogueItemId} IS NOT NULL AND ${t.projectId} IS NOT NULL AND ${t.progressId} IS NULL) OR (${t.catalogueItemId} IS NULL AND ${t.progressId} IS NOT NULL)`,
    ),
  ],
);

/** Planned, received and spent money per source for one project (万元). */
export const projectFunding = pgTable(
  'project_funding',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    planned: numeric('planned', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    received: numeric('received', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    spent: numeric('spent', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
  },
  (t) => [uniqueIndex('project_funding_uq').on(t.projectId, t.source)],
);

/** In-app notifications (assignment, due soon, overdue, status changes); other channels later. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    link: text('link'),
    /** What it is about, so the same reminder is not sent twice. */
    subject: text('subject'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_user_kind_subject_uq').on(t.userId, t.kind, t.subject),
  ],
);
