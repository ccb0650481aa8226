/**
 * Unsent progress reports, kept on this device until the server has them: a cadre on site with a
 * poor connection loses nothing by closing the form or the page.
 */
export interface ProgressDraft {
  note?: string;
  evidence?: string;
  done?: boolean;
}

const key = (itemId: string) => `jiugai.progressDraft.${itemId}`;

export function readDraft(itemId: string): ProgressDraft | null {
  try {
    const raw = localStorage.getItem(key(itemId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as ProgressDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(itemId: string, draft: ProgressDraft): void {
  try {
    if (!draft.note?.trim() && !draft.evidence?.trim() && !draft.done) localStorage.removeItem(key(itemId));
    else localStorage.setItem(key(itemId), JSON.stringify(draft));
  } catch {
    // Without storage the form still works; only the draft is not kept.
  }
}

export function clearDraft(itemId: string): void {
  try {
    localStorage.removeItem(key(itemId));
  } catch {
    // Nothing to clear.
  }
}
