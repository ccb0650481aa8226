/** Where the server's messages about a new batch belong: on one compound, or on the form's other fields. */
import { namePath } from '../../shared/fieldPaths.js';

/**
 * Splits field messages into those about one compound of the list sent (`compoundIds.3` → that
 * compound's id) and the rest (`name`, `year`, …), which go on their own fields.
 */
export function splitBatchFields(
  fields: Readonly<Record<string, string>> | undefined,
  sent: readonly string[],
): { perCompound: Map<string, string>; rest: Record<string, string> } {
  const perCompound = new Map<string, string>();
  const rest: Record<string, string> = {};
  for (const [path, text] of Object.entries(fields ?? {})) {
    const [first, index] = namePath(path);
    const id = first === 'compoundIds' && typeof index === 'number' ? sent[index] : undefined;
    if (id) perCompound.set(id, text);
    else rest[path] = text;
  }
  return { perCompound, rest };
}
