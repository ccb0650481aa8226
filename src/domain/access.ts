/**
 * Roles and what each may do. Access = role (this table) × scope (which regions),
 * the scope half being applied by the server's query layer.
 */
export const roles = [
  'admin',
  'hq',
  'subdistrict',
  'community',
  'contractor',
  'supervisor',
  'resident_supervisor',
  /** the head of a handling unit (区领导、单位负责人): signs off replies to CPPCC proposals */
  'leader',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'user.manage',
  'audit.read',
  'region.read',
  'stats.read',
  'inventory.read',
  'inventory.write',
  /** see owners' names, phones and ID numbers unmasked, and export them */
  'household.personal',
  'project.read',
  /** start projects, name their accountability, move them through the lifecycle */
  'project.write',
  'ledger.read',
  /** add ledger items and record meetings; with `ledger.report`, report on any item in scope */
  'ledger.write',
  /**
   * report progress on a ledger item and attach evidence to a report: on items the user answers
   * for (their cadre's, or their cadre's unit's), and with `ledger.write` on any item in scope
   */
  'ledger.report',
  /** keep the organisation registries: units, cadres and their superiors, first secretaries */
  'organisation.write',
  /** see cadres' phone numbers unmasked, and export them */
  'cadre.personal',
  /** edit the renovation item catalogue */
  'catalogue.manage',
  /** change district settings (old-compound cut-off, escalation thresholds, the working-day calendar, check frequencies) */
  'settings.manage',
  /** keep the registry of construction, supervising and design firms and their people */
  'firm.manage',
  /**
   * the client's part in quality: name a project's three units and their people, zoning, the
   * quality plan and tender, sign gates off, organise the completion acceptance
   */
  'quality.manage',
  /** the supervising side: inspections and spot checks, samples, decide concealed works, open, verify and reopen tickets */
  'quality.inspect',
  /** the construction side: request concealed-works acceptance, mark it covered, send a ticket's evidence */
  'quality.rectify',
  /** sign (or refuse) a completion acceptance for the party one represents */
  'quality.sign',
  'illegal.read',
  /** register illegal structures, measure them, assign cadres, record notices, removal and clearing */
  'illegal.write',
  /**
   * log door-to-door visits: on structures the user's cadre is assigned to, and with
   * `illegal.write` on any structure in scope
   */
  'illegal.visit',
  /** keep the resident supervisors' registry, appoint them to projects, give them a login */
  'supervisor.manage',
  /**
   * a resident supervisor's own part: report a problem on a project they are appointed to, confirm
   * or dispute its fix, give feedback at the completion acceptance
   */
  'supervisor.report',
  'consultation.read',
  /**
   * keep deliberation councils (members, meetings) and run consultations: questionnaires, notices
   * with household codes, assisted answers, meetings, the resolution and its disclosures
   */
  'consultation.write',
  /**
   * owners' votes: draft, open (freezing the register), close; enter paper ballots and correct
   * ballots with a reason, print notices with the owners' codes
   */
  'vote.manage',
  /** see residents' opinions and complaints in scope (the inbox) */
  'opinion.read',
  /** answer or close an opinion; turn it into a ticket (with `quality.inspect`) or a ledger item (with `ledger.write`) */
  'opinion.handle',
  /** see CPPCC proposals, their replies and the reply templates */
  'proposal.read',
  /** register and assign proposals, record co-handling inputs, draft replies, keep templates, record feedback */
  'proposal.handle',
  /** review a drafted reply (approve it for sign-off or send it back) */
  'proposal.review',
  /** sign a reviewed reply off as the unit head: it is frozen from then on */
  'proposal.sign',
  'facility.read',
  /** keep the registry of service facilities added or improved (配套设施) and their photos */
  'facility.write',
] as const;
export type Action = (typeof actions)[number];

const everyone: readonly Action[] = [
  'region.read',
  'stats.read',
  'inventory.read',
  'project.read',
  'ledger.read',
  'illegal.read',
  'consultation.read',
  'facility.read',
];

/** Roles whose people may be named on ledger items and answer for them; not the administrator or viewers. */
const working: readonly Action[] = [...everyone, 'ledger.report', 'illegal.visit'];

/**
 * The one table of role × action. Later areas add their actions here. Personal data goes to
 * the roles that work with households door to door (subdistrict and community staff), not to
 * administrators, headquarters or viewers, who work with figures. Cadres' phones go to those
 * who direct cadres (headquarters, subdistricts).
 */
export const permissions: Record<Role, readonly Action[]> = {
  admin: [...everyone, 'user.manage', 'audit.read', 'settings.manage'],
  hq: [
    ...working,
    'inventory.write',
    'project.write',
    'ledger.write',
    'organisation.write',
    'cadre.personal',
    'catalogue.manage',
    'settings.manage',
    'firm.manage',
    'quality.manage',
    'quality.inspect',
    'illegal.write',
    'supervisor.manage',
    'consultation.write',
    'vote.manage',
    'opinion.read',
    'opinion.handle',
    'proposal.read',
    'proposal.handle',
    'proposal.review',
    'facility.write',
  ],
  subdistrict: [
    ...working,
    'inventory.write',
    'household.personal',
    'project.write',
    'ledger.write',
    'cadre.personal',
    'quality.manage',
    'quality.inspect',
    'quality.sign',
    'illegal.write',
    'supervisor.manage',
    'consultation.write',
    'vote.manage',
    'facility.write',
    'opinion.read',
    'opinion.handle',
  ],
  community: [
    ...working,
    'inventory.write',
    'household.personal',
    'quality.sign',
    'illegal.write',
    'consultation.write',
    'vote.manage',
    'facility.write',
    'opinion.read',
    'opinion.handle',
  ],
  contractor: [...working, 'quality.rectify', 'quality.sign'],
  supervisor: [...working, 'quality.inspect', 'quality.sign'],
  resident_supervisor: [...working, 'quality.sign', 'supervisor.report'],
  leader: [...everyone, 'proposal.read', 'proposal.review', 'proposal.sign', 'opinion.read'],
  viewer: [...everyone, 'proposal.read', 'opinion.read'],
};

/**
 * Roles that reach only the projects they are named on, within their regions: the region scope
 * alone is not enough. Contractors and supervisors are named as people of the project's
 * construction, supervising or design unit; resident supervisors by their appointment.
 */
export const projectScopedRoles: readonly Role[] = ['contractor', 'supervisor', 'resident_supervisor'];
export const projectScoped = (role: Role): boolean => projectScopedRoles.includes(role);
/** The project-scoped roles that act for a firm (a person of a construction, supervising or design unit). */
export const firmRoles: readonly Role[] = ['contractor', 'supervisor'];
export const actsForFirm = (role: Role): boolean => firmRoles.includes(role);

/** Roles that act across the whole district and carry no region scope. */
export const districtWideRoles: readonly Role[] = ['admin', 'hq', 'leader', 'viewer'];

export function can(role: Role, action: Action): boolean {
  return permissions[role].includes(action);
}

/**
 * The region prefixes a user may see, or `null` for the whole district.
 * District-wide roles ignore any stored scope; every other role is confined to its regions
 * (and an empty scope then means it sees nothing, never everything).
 */
export function scopePrefixes(role: Role, scopeRegions: readonly string[]): readonly string[] | null {
  if (districtWideRoles.includes(role)) return null;
  return scopeRegions;
}

/** Why a role/scope combination is not allowed, or null when it is. */
export function scopeProblem(
  role: Role,
  scopeRegions: readonly string[],
): 'scope_required' | 'scope_not_allowed' | null {
  const wide = districtWideRoles.includes(role);
  if (wide && scopeRegions.length > 0) return 'scope_not_allowed';
  if (!wide && scopeRegions.length === 0) return 'scope_required';
  return null;
}

/** True when `code` lies inside one of the scope prefixes (administrative codes nest by prefix). */
export function inScope(prefixes: readonly string[] | null, code: string | null): boolean {
  if (prefixes === null) return true;
  if (code === null) return false;
  return prefixes.some((p) => code.startsWith(p));
}

const codeLengths = [12, 9, 6, 4, 2];

/** The narrowest region code that holds every code of the scope (codes nest by prefix). */
export function commonRegion(scope: readonly string[]): string | null {
  if (scope.length === 0) return null;
  let prefix = scope[0] ?? '';
  for (const code of scope) while (!code.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const length = codeLengths.find((l) => l <= prefix.length);
  return length ? prefix.slice(0, length) : null;
}
