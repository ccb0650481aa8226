/** List state (page, size, sort, filters) lives in the URL's query string, read through a contract schema. */
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

export type ParamPatch = Record<string, string | number | undefined | null>;

function parseLeniently<S extends z.ZodObject>(schema: S, raw: Record<string, string>): z.output<S> {
  const input: Record<string, string> = { ...raw };
  // A hand-edited or outdated link should not break the page: drop the offending keys and use defaults.
  for (let attempt = 0; attempt < 10; attempt++) {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) delete input[String(issue.path[0])];
  }
  return schema.parse({});
}

/** The list query parsed from the URL, and a setter merging changes into it (empty values removed). */
export function useListParams<S extends z.ZodObject>(schema: S) {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = parseLeniently(schema, Object.fromEntries(searchParams));
  const update = (patch: ParamPatch) => {
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === null || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      return next;
    });
  };
  return { query, update, key: searchParams.toString() };
}
