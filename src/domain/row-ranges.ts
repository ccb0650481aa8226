/**
 * Rows as a reader takes them in: [3, 4, 5, 9, 11, 12] → "3–5, 9, 11–12". Consecutive rows make a
 * range; `more` says how many rows were left out of the list (shown as "…").
 */
export function rowRanges(rows: readonly number[], more = 0): string {
  const parts: string[] = [];
  let start: number | undefined;
  let end: number | undefined;
  const close = () => {
    if (start === undefined || end === undefined) return;
    parts.push(start === end ? String(start) : `${start}–${end}`);
  };
  for (const row of rows) {
    if (end !== undefined && row === end + 1) end = row;
    else {
      close();
      start = row;
      end = row;
    }
  }
  close();
  return more > 0 ? `${parts.join(', ')}, …` : parts.join(', ');
}
