/**
 * HTML written on the server: every value put into an `html` template is escaped, unless it is
 * itself `html` (or `raw`, for markup the code wrote). Arrays are joined; null, undefined and
 * false write nothing. Script in any text a resident or staff typed is shown as text.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeText = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

function part(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeText(String(value));
}

/** A template whose values are escaped. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup the code itself wrote, put in as it is (never text someone typed). */
export const raw = (markup: string): Html => new Html(markup);
