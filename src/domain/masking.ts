/** Masking of personal data for roles that do not need it (names, phones, ID numbers). */
import type { Action } from './access.js';

/** 王某甲 → 王**; a company or "开发商未售房屋" keeps its first two characters. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, Math.min(chars.length - 1, 2)))}`;
}

/** 13841000000 → 138****0000; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** 410203199001011234 → 4102**********1234. */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/**
 * Which fields of a record are personal, per entity type, and the action a role needs to see
 * them whole. Audit events carry records as they were written (a cadre's row, an owner's), so
 * the audit log masks them by this table exactly as the records' own pages do. A field may
 * also name another entity type: a record nested under that key (a household's owner).
 */
type Mask = (value: string) => string;
type FieldRule = Mask | { nested: string };
export const personalFields: Record<string, { action: Action; fields: Record<string, FieldRule> }> = {
  cadre: { action: 'cadre.personal', fields: { phone: maskPhone } },
  owner: {
    action: 'household.personal',
    fields: { name: maskName, idNumber: maskIdNumber, phone: maskPhone },
  },
  household: {
    action: 'household.personal',
    fields: {
      ownerName: maskName,
      ownerIdNumber: maskIdNumber,
      ownerPhone: maskPhone,
      contactPhone: maskPhone,
      owner: { nested: 'owner' },
    },
  },
  /** Resident supervisors are residents: masked as owners are. */
  resident_supervisor: { action: 'household.personal', fields: { name: maskName, phone: maskPhone } },
  /** A resident's contact left with an opinion: masked as owners' phones are. */
  opinion: { action: 'household.personal', fields: { contact: maskPhone } },
};

/**
 * A record (or a list of records) of `entityType` with the personal fields the caller may not
 * see masked; `may` tells whether the caller's role has an action. Anything else passes as is.
 */
export function maskRecord(
  entityType: string | null,
  value: unknown,
  may: (action: Action) => boolean,
): unknown {
  const rule = entityType ? personalFields[entityType] : undefined;
  if (!rule || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskRecord(entityType, v, may));
  const whole = may(rule.action);
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, field] of Object.entries(rule.fields)) {
    const v = out[key];
    if (v === undefined || v === null) continue;
    if (typeof field === 'object') out[key] = maskRecord(field.nested, v, may);
    else if (!whole) out[key] = typeof v === 'string' ? field(v) : '***';
  }
  return out;
}
