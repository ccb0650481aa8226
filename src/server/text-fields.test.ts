import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, type Endpoint } from '../contract/api.js';
import { roles } from '../domain/access.js';
import { type Session, sessionAs, type TestApp, testApp } from './testing/app.js';

/**
 * Every text field of the contract refuses a NUL and a lone surrogate with a 400 naming the
 * field: PostgreSQL cannot store either, and each used to reach the database and answer 500.
 */

interface Leaf {
  path: (string | number)[];
  schema: z.ZodType;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The string schemas inside `schema`, with their paths. */
function stringLeaves(schema: z.ZodType, path: (string | number)[] = [], out: Leaf[] = []): Leaf[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      out.push({ path, schema });
      break;
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>))
        stringLeaves(v, [...path, k], out);
      break;
    case 'array':
      stringLeaves(def.element as z.ZodType, [...path, 0], out);
      break;
    case 'record':
      stringLeaves(def.valueType as z.ZodType, [...path, 'key'], out);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) stringLeaves(option, path, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      stringLeaves(def.innerType as z.ZodType, path, out);
      break;
    case 'pipe':
      stringLeaves(def.in as z.ZodType, path, out);
      break;
  }
  return out;
}

/** A plain text field, as opposed to a format (uuid, date) that refuses such text anyway. */
const isPlainText = (leaf: Leaf) =>
  !('format' in defOf(leaf.schema)) || defOf(leaf.schema).format === undefined;

const endpoints = Object.entries(api) as [string, Endpoint][];
const parts = ['params', 'query', 'body'] as const;
const bad = { NUL: 'a\u0000b', 'a lone surrogate': 'a\ud800b' };

describe('every text field of the contract is built on `text()`', () => {
  const cases = endpoints.flatMap(([name, e]) =>
    (['params', 'query', 'body', 'response'] as const).flatMap((part) =>
      e[part]
        ? stringLeaves(e[part] as z.ZodType)
            .filter(isPlainText)
            .map((leaf) => [`${name} ${part} ${leaf.path.join('.') || '(whole)'}`, leaf] as const)
        : [],
    ),
  );
  it('finds the fields', () => expect(cases.length).toBeGreaterThan(100));
  it.each(cases)('%s refuses NUL and lone surrogates', (_name, leaf) => {
    for (const value of Object.values(bad)) {
      const result = leaf.schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(
        result.error?.issues.some(
          (i) => (i as { params?: { reason?: string } }).params?.reason === 'bad_text',
        ),
      ).toBe(true);
    }
  });
});

/** Set `value` at `path` inside `target`, making objects and arrays on the way. */
function setAt(
  target: Record<string, unknown>,
  path: (string | number)[],
  value: unknown,
): Record<string, unknown> {
  let node: Record<string | number, unknown> = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      node[key] ??= typeof path[i + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  });
  return target;
}

/** A valid value for a path parameter, so the request reaches the field under test. */
function paramValue(schema: z.ZodType): string {
  const entries = (defOf(schema) as { entries?: Record<string, string> }).entries;
  const candidates = [...Object.values(entries ?? {}), randomUUID(), '410203002', 'a'];
  return candidates.find((c) => schema.safeParse(c).success) ?? 'a';
}

describe('over HTTP, a NUL or lone surrogate in any text field answers 400 naming the field', () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  beforeAll(async () => {
    t = await testApp({
      loginRatePerMinute: 10_000,
      opinionLimits: { perAddressPerHour: 10_000, perCompoundPerHour: 10_000 },
    });
    for (const role of roles) sessions.set(role, await sessionAs(t, role));
  }, 300_000);

  const cases = endpoints.flatMap(([name, e]) =>
    parts.flatMap((part) =>
      e[part]
        ? stringLeaves(e[part] as z.ZodType)
            .filter(() => part !== 'body' || !e.upload)
            .flatMap((leaf) =>
              // A URL carries no lone surrogate (it is UTF-8 percent-encoded); a JSON body can.
              Object.entries(part === 'body' ? bad : { NUL: bad.NUL }).map(
                ([what, value]) =>
                  [`${name}: ${what} in ${part} ${leaf.path.join('.')}`, e, part, leaf, value] as const,
              ),
            )
        : [],
    ),
  );

  it.each(cases)('%s', async (_name, e, part, leaf, value) => {
    const params: Record<string, string> = {};
    for (const [k, s] of Object.entries(e.params?.shape ?? {})) params[k] = paramValue(s as z.ZodType);
    if (part === 'params') params[String(leaf.path[0])] = value;
    const url =
      e.path.replace(/:(\w+)/g, (_m, k: string) => encodeURIComponent(params[k] ?? '')) +
      (part === 'query' ? `?${leaf.path[0]}=${encodeURIComponent(value)}` : '');
    const payload = part === 'body' ? setAt({}, leaf.path, value) : e.body && !e.upload ? {} : undefined;
    // Try roles until one may call the endpoint: the role check comes before validation.
    let res: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    for (const role of roles) {
      const s = sessions.get(role) as Session;
      res = await t.app.inject({
        method: e.method,
        url,
        headers: { ...s.headers, ...(e.upload ? { 'content-type': 'application/octet-stream' } : {}) },
        ...(payload ? { payload } : e.upload ? { payload: Buffer.from('x') } : {}),
      });
      if (res.statusCode !== 403) break;
    }
    expect(res?.statusCode, res?.body).toBe(400);
    const fields = res?.json().error.fields as Record<string, string>;
    expect(Object.keys(fields), res?.body).toContain(leaf.path.join('.'));
  });
});
