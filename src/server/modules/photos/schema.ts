import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { facilities } from '../facilities/schema.js';
import { illegalStructures } from '../illegal/schema.js';
import { ledgerProgress } from '../ledger/schema.js';
import { opinions } from '../opinions/schema.js';
import { catalogueItems, projects } from '../projects/schema.js';
import { concealedWorks, inspections, materialSamples, projectQuality, tickets } from '../quality/schema.js';
import { residentReports } from '../supervisors/schema.js';
import { voteBallots } from '../votes/schema.js';

/**
 * Photos and attached documents (one mechanism; a document may also be a PDF). Photos: site photos of a project's renovation items (keyed by catalogue item, so they outlive a
 * re-save of the item list), evidence attached to a ledger progress report, and a project's
 * quality records (an inspection's findings, a concealed work, a ticket's evidence, a resident
 * supervisor's report), photos of an illegal structure, scans of paper ballots, photos of a
 * service facility and residents' photos sent with an opinion. Documents: a material sample's lab
 * report and a tender's bid documents. Kept in the database so every instance and every backup
 * has them.
 */
export const photos = pgTable(
  'photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    catalogueItemId: uuid('catalogue_item_id').references(() => catalogueItems.id),
    progressId: uuid('progress_id').references(() => ledgerProgress.id, { onDelete: 'cascade' }),
    inspectionId: uuid('inspection_id').references(() => inspections.id, { onDelete: 'cascade' }),
    concealedWorkId: uuid('concealed_work_id').references(() => concealedWorks.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    /** A resident supervisor's photo of the problem they report (not evidence of its fix). */
    reportId: uuid('report_id').references((): AnyPgColumn => residentReports.id, { onDelete: 'cascade' }),
    /** A photo of an illegal structure: as surveyed, or its cleared site. */
    structureId: uuid('structure_id').references((): AnyPgColumn => illegalStructures.id, {
      onDelete: 'cascade',
    }),
    /** The scan of a paper ballot in an owners' vote. */
    ballotId: uuid('ballot_id').references((): AnyPgColumn => voteBallots.id, { onDelete: 'cascade' }),
    /** A photo of a service facility added or improved (配套设施). */
    facilityId: uuid('facility_id').references((): AnyPgColumn => facilities.id, { onDelete: 'cascade' }),
    /** A resident's photo sent with an opinion from the public form. */
    opinionId: uuid('opinion_id').references((): AnyPgColumn => opinions.id, { onDelete: 'cascade' }),
    /** A material sample's lab report (a document: a PDF or a scan). */
    sampleId: uuid('sample_id').references((): AnyPgColumn => materialSamples.id, { onDelete: 'cascade' }),
    /** One of a tender's bid documents (a document), keyed by the tender's project. */
    tenderId: uuid('tender_id').references((): AnyPgColumn => projectQuality.projectId, {
      onDelete: 'cascade',
    }),
    regionCode: text('region_code').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** When the camera took it (the file's own time, sent by the phone), if known. */
    takenAt: ts('taken_at'),
  },
  (t) => [
    index('photos_project_item_idx').on(t.projectId, t.catalogueItemId, t.createdAt),
    index('photos_progress_idx').on(t.progressId),
    index('photos_inspection_idx').on(t.inspectionId),
    index('photos_concealed_work_idx').on(t.concealedWorkId),
    index('photos_ticket_idx').on(t.ticketId),
    index('photos_structure_idx').on(t.structureId),
    index('photos_report_idx').on(t.reportId),
    index('photos_ballot_idx').on(t.ballotId),
    index('photos_facility_idx').on(t.facilityId),
    index('photos_opinion_idx').on(t.opinionId),
    index('photos_sample_idx').on(t.sampleId),
    index('photos_tender_idx').on(t.tenderId),
    // One thing each; a quality record's photo (or document) also names its project, which it is reached through;
    // an illegal structure's, a ballot's, a facility's and an opinion's name none.
    check(
      'photos_of_one_thing',
      sql`num_nonnulls(${t.catalogueItemId}, ${t.progressId}, ${t.inspectionId}, ${t.concealedWorkId}, ${t.ticketId}, ${t.structureId}, ${t.reportId}, ${t.ballotId}, ${t.facilityId}, ${t.opinionId}, ${t.sampleId}, ${t.tenderId}) = 1
        AND (${t.progressId} IS NOT NULL OR ${t.structureId} IS NOT NULL OR ${t.ballotId} IS NOT NULL OR ${t.facilityId} IS NOT NULL OR ${t.opinionId} IS NOT NULL OR ${t.projectId} IS NOT NULL)
        AND ((${t.structureId} IS NULL AND ${t.ballotId} IS NULL AND ${t.facilityId} IS NULL AND ${t.opinionId} IS NULL) OR ${t.projectId} IS NULL)`,
    ),
  ],
);
