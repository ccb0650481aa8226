/** The audit log in words: a label per action code and entity type, and the page of each record. */
import { useTranslation } from 'react-i18next';
import {
  type AuditAction,
  type AuditEntityType,
  type AuditEvent,
  auditActions,
  auditEntityTypes,
} from '../../../contract/audit.js';

const isAction = (code: string): code is AuditAction => (auditActions as readonly string[]).includes(code);
const isEntityType = (type: string): type is AuditEntityType =>
  (auditEntityTypes as readonly string[]).includes(type);

/** Labels in the interface language; a code the web does not know (an older event) shows as itself. */
export function useAuditLabels() {
  const { t } = useTranslation();
  const action = (code: string) => (isAction(code) ? t(`audit.actions.${code}`) : code);
  const entityType = (type: string) => (isEntityType(type) ? t(`audit.entityTypes.${type}`) : type);
  return {
    action,
    entityType,
    actionOptions: auditActions.map((code) => ({ value: code, label: action(code), code })),
    entityTypeOptions: auditEntityTypes.map((type) => ({ value: type, label: entityType(type), code: type })),
  };
}

const text = (payload: unknown, key: string): string | undefined => {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  const v = (payload as Record<string, unknown>)[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** A field of the record as written after the event, else before it. */
const field = (e: AuditEvent, key: string) => text(e.after, key) ?? text(e.before, key);

const withQuery = (path: string, params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
};

const registryTabs: Partial<Record<AuditEntityType, string>> = {
  task_forces: 'taskForces',
  departments: 'departments',
  units: 'units',
  cadres: 'cadres',
  first_secretaries: 'secretaries',
  party_bodies: 'bodies',
};

/**
 * The web page of the record an event is about, or null where there is none. Records with a
 * page of their own open it; registry entries open their list filtered to the record's name.
 */
export function recordLink(e: AuditEvent): string | null {
  const id = e.entityId;
  switch (e.entityType) {
    case 'project':
      return id ? `/projects/${id}` : null;
    case 'compound':
      return id ? `/compounds/${id}` : null;
    case 'project_batch':
      return '/projects/batches';
    case 'ledger_item':
      return withQuery('/ledger', { q: field(e, 'title') });
    case 'cadre':
      return withQuery('/organisation', { tab: 'cadres', q: field(e, 'name') });
    case 'unit':
      return withQuery('/organisation', { tab: 'units', q: field(e, 'name') });
    case 'party_body':
      return withQuery('/organisation', { tab: 'bodies', q: field(e, 'name') });
    case 'region':
      return '/organisation?tab=secretaries';
    case 'user': {
      // A login or logout is the user's own act: the actor is the user.
      const username = field(e, 'username') ?? (e.actorId === id ? e.actorName : undefined);
      return withQuery('/admin/users', { q: username });
    }
    case 'catalogue':
    case 'catalogue_item':
      return '/catalogue';
    case 'setting':
      return '/admin/settings';
    case 'district':
      return '/overview';
    case 'compounds':
    case 'buildings':
    case 'households':
      return '/compounds';
    default: {
      const tab = e.entityType ? registryTabs[e.entityType as AuditEntityType] : undefined;
      return tab ? `/organisation?tab=${tab}` : null;
    }
  }
}

/** What to call the record in the list: its name or title where the event carries one. */
export function recordName(e: AuditEvent): string | undefined {
  return field(e, 'name') ?? field(e, 'title') ?? field(e, 'displayName') ?? field(e, 'username');
}
