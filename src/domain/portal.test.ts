import { describe, expect, it } from 'vitest';
import { holdsMobile, percentDone, publicPhone, withoutMobiles } from './portal.js';

describe('publicPhone', () => {
  it.each([
    ['0371-25322640', '0371-25322640'],
    [' 0371-23881234 ', '0371-23881234'],
    ['25322640', '25322640'],
    ['13703781234', null],
    ['137 0378 1234', null],
    ['137-0378-1234', null],
    ['+8613703781234', null],
    ['0371-25322640 / 13703781234', null],
    ['', null],
    ['   ', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(publicPhone(input)).toBe(expected);
  });
});

describe('holdsMobile', () => {
  it.each([
    ['联系人 王秀英 13912345678', true],
    ['"phone":"18637801234"', true],
    ['0371-25322640', false],
    // A longer run of digits is an id, not a phone.
    ['019c2a6b-0000-7000-8000-113703781234', false],
    ['12345678901', false],
    ['2023年6月5日', false],
  ])('%s → %s', (input, expected) => {
    expect(holdsMobile(input)).toBe(expected);
  });
});

describe('percentDone', () => {
  it.each([
    [[], null],
    [[{ status: 'waived' }], null],
    [[{ status: 'done' }, { status: 'planned' }], 50],
    [[{ status: 'done' }, { status: 'done' }, { status: 'in_progress' }], 66.7],
    [[{ status: 'done' }, { status: 'waived' }], 100],
  ])('%j → %s', (items, expected) => {
    expect(percentDone(items)).toBe(expected);
  });
});

describe('withoutMobiles', () => {
  it.each([
    ['联系王师傅 13912345678 或 139-1234-5679', '联系王师傅 *********** 或 ***********'],
    ['电话 0371-25322640', '电话 0371-25322640'],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(withoutMobiles(input)).toBe(expected);
  });
});
