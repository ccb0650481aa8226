import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { api } from '../../contract/api.js';
import { type Deps, route } from './http.js';

describe('a route that writes', () => {
  it('cannot declare a read right', () => {
    const app = Fastify();
    const deps = {} as Deps;
    expect(() =>
      route(app, deps, api.reportProgress, { action: 'ledger.read' }, async () => ({}) as never),
    ).toThrow(/declares the read right ledger\.read/);
    expect(() =>
      route(app, deps, api.reportProgress, { action: 'ledger.report' }, async () => ({}) as never),
    ).not.toThrow();
  });
});
