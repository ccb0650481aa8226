import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { zhCN } from '../i18n/zh-CN.js';
import { serverPagination, totalText } from './pagination.js';

/** The interface's own strings, with {{count}} filled in as i18next does. */
const tIn = (messages: Record<string, unknown>) =>
  ((key: string, options: { count: number }) => {
    const text = key
      .split('.')
      .reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], messages);
    return String(text).replace('{{count}}', String(options.count));
  }) as unknown as TFunction;

describe('a list page’s count', () => {
  it.each([
    [zhCN, { total: 312, totalExact: true }, '共 312 条'],
    [zhCN, { total: 1000, totalExact: false }, '共 1000+ 条'],
    [en, { total: 312, totalExact: true }, '312 in total'],
    [en, { total: 1000, totalExact: false }, '1000+ in total'],
  ])('%#: %o reads “%s”', (messages, page, text) => {
    const t = tIn(messages);
    expect(totalText(t, page)).toBe(text);
    const pagination = serverPagination({ page: 3, pageSize: 20 }, page, t, false);
    expect(pagination).toMatchObject({ current: 3, pageSize: 20, total: page.total });
    expect(pagination.showTotal?.(page.total, [41, 60])).toBe(text);
  });

  it('shows no count before the page has come', () => {
    const pagination = serverPagination({ page: 1, pageSize: 20 }, undefined, tIn(zhCN), true);
    expect(pagination).toMatchObject({ total: 0, simple: true });
    expect(pagination.showTotal?.(0, [0, 0])).toBe('');
  });
});
