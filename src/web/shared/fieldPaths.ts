/** Server field paths (`decisions.1.deadline`) and the form name paths they stand for. */

/** `decisions.1.deadline` → ['decisions', 1, 'deadline']. */
export function namePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * For a form that sends only some of its list rows: a server path about the n-th row sent
 * (`items.2.waiverReason`) mapped to that row's place in the form (['rows', 7, 'waiverReason']).
 */
export function sentRowPath(listName: string, formList: string, sent: readonly number[]) {
  return (path: string): (string | number)[] | null => {
    const [first, n, field] = namePath(path);
    const index = typeof n === 'number' ? sent[n] : undefined;
    return first === listName && index !== undefined && typeof field === 'string'
      ? [formList, index, field]
      : null;
  };
}
