/** Who owns a ledger item, as the forms hold it and as the contract takes it. */
import type { CreateLedgerItemBody } from '../../../contract/ledger.js';

export const ownerKinds = ['cadre', 'unit'] as const;
export type OwnerKind = (typeof ownerKinds)[number];

/** The owner fields of an item or meeting decision form. */
export interface OwnerValues {
  ownerKind?: OwnerKind;
  ownerCadreId?: string;
  ownerUnitId?: string;
  taskForceId?: string;
}

/** Exactly one owner (the kind chosen, whatever the other picker last held) and the task force, if any. */
export function ownerBody(
  v: OwnerValues,
): Pick<CreateLedgerItemBody, 'ownerCadreId' | 'ownerUnitId' | 'taskForceId'> {
  return {
    ...(v.ownerKind === 'unit' ? { ownerUnitId: v.ownerUnitId } : { ownerCadreId: v.ownerCadreId }),
    ...(v.taskForceId ? { taskForceId: v.taskForceId } : {}),
  };
}

/** The names of the owner fields in a form, for placing the server's messages. */
export const ownerFieldNames = ['ownerKind', 'ownerCadreId', 'ownerUnitId', 'taskForceId'] as const;
