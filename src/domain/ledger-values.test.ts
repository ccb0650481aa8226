import { describe, expect, it } from 'vitest';
import {
  type NumberLimits,
  type Parsed,
  parseDate,
  parseDecimal,
  parseEnum,
  parseInteger,
  parseText,
  parseYear,
  type RawValue,
  toHalfWidth,
} from './ledger-values.js';

const ok = (value: number | string, approx?: boolean): Parsed<number | string> =>
  approx ? { ok: true, value, approx } : { ok: true, value };
const no = (reason: string) => ({ ok: false, reason });

describe('parseInteger', () => {
  const cases: [RawValue, NumberLimits | undefined, ReturnType<typeof ok> | ReturnType<typeof no>][] = [
    [12, undefined, ok(12)],
    ['12', undefined, ok(12)],
    [' 12 ', undefined, ok(12)],
    ['1,234', undefined, ok(1234)],
    ['12户', undefined, ok(12)],
    ['6个', undefined, ok(6)],
    ['3栋', undefined, ok(3)],
    ['14单元', undefined, ok(14)],
    ['１２', undefined, ok(12)],
    ['１２ 户', undefined, ok(12)],
    ['12.0', undefined, ok(12)],
    [11.999999999999998, undefined, ok(12)],
    ['1.5', undefined, no('not_an_integer')],
    [1.5, undefined, no('not_an_integer')],
    ['abc', undefined, no('not_a_number')],
    ['12万', undefined, no('not_a_number')],
    ['1,2,3', undefined, no('not_a_number')],
    ['-3', undefined, no('negative')],
    ['－3', undefined, no('negative')],
    ['-3', { allowNegative: true }, ok(-3)],
    ['-3', { min: -5 }, ok(-3)],
    ['0', { min: 1 }, no('below_min')],
    ['1000', { max: 999 }, no('above_max')],
    ['99999999999999999999', undefined, no('not_an_integer')],
    ['', undefined, no('empty')],
    ['—', undefined, no('empty')],
    ['/', undefined, no('empty')],
    [null, undefined, no('empty')],
    [true, undefined, no('not_a_number')],
    [Number.NaN, undefined, no('not_a_number')],
  ];
  it.each(cases)('%j %j → %j', (raw, limits, expected) => {
    expect(parseInteger(raw, limits)).toEqual(expected);
  });
});

describe('parseDecimal', () => {
  const cases: [RawValue, NumberLimits | undefined, ReturnType<typeof ok> | ReturnType<typeof no>][] = [
    ['11,520.6', undefined, ok(11520.6)],
    ['6680.2㎡', undefined, ok(6680.2)],
    ['6680.2 m²', undefined, ok(6680.2)],
    ['6680.2m2', undefined, ok(6680.2)],
    ['6680.2平方米', undefined, ok(6680.2)],
    ['5,034', undefined, ok(5034)],
    [5034, undefined, ok(5034)],
    ['１２．５', undefined, ok(12.5)],
    ['０.５', undefined, ok(0.5)],
    ['.5', undefined, ok(0.5)],
    ['1.2E+3', undefined, ok(1200)],
    ['+7', undefined, ok(7)],
    ['1,2,3x', undefined, no('not_a_number')],
    ['1,2,3', undefined, no('not_a_number')],
    ['12,5', undefined, no('not_a_number')],
    ['abc', undefined, no('not_a_number')],
    ['.', undefined, no('not_a_number')],
    ['e5', undefined, no('not_a_number')],
    ['1.2万元', undefined, no('not_a_number')],
    ['-73.37', undefined, no('negative')],
    [-0.5, { allowNegative: true }, ok(-0.5)],
    ['   ', undefined, no('empty')],
    [new Date(0), undefined, no('not_a_number')],
  ];
  it.each(cases)('%j %j → %j', (raw, limits, expected) => {
    expect(parseDecimal(raw, limits)).toEqual(expected);
  });
});

describe('parseDate', () => {
  // 2025-06-01 08:30 in the district (UTC+8).
  const now = new Date('2025-06-01T00:30:00Z');
  const cases: [RawValue, ReturnType<typeof ok> | ReturnType<typeof no>][] = [
    ['2021-05-03', ok('2021-05-03')],
    ['2021/5/3', ok('2021-05-03')],
    ['2021.5.3', ok('2021-05-03')],
    ['2021年5月3日', ok('2021-05-03')],
    [' 2021 年 5 月 3 日 ', ok('2021-05-03')],
    ['２０２１．５．３', ok('2021-05-03')],
    ['2021-05-03 00:00:00', ok('2021-05-03')],
    [20210503, ok('2021-05-03')],
    ['20210503', ok('2021-05-03')],
    [new Date(Date.UTC(2021, 4, 3)), ok('2021-05-03')],
    ['2025-06-01', ok('2025-06-01')],
    ['2025-06-02', no('future_date')],
    ['2021-02-30', no('not_a_date')],
    ['2021-13-01', no('not_a_date')],
    ['2021年5月', no('not_a_date')],
    ['2021', no('not_a_date')],
    [44321, no('not_a_date')],
    [2021.5, no('not_a_date')],
    ['昨天', no('not_a_date')],
    ['1899-12-31', no('too_old')],
    ['', no('empty')],
    ['—', no('empty')],
    [null, no('empty')],
    [true, no('not_a_date')],
  ];
  it.each(cases)('%j → %j', (raw, expected) => {
    expect(parseDate(raw, { now })).toEqual(expected);
  });
});

describe('parseYear', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const cases: [RawValue, ReturnType<typeof ok> | ReturnType<typeof no>][] = [
    [1994, ok(1994)],
    ['1994', ok(1994)],
    ['1994年', ok(1994)],
    [' 1994 年 ', ok(1994)],
    ['１９９４年', ok(1994)],
    ['1998.10', ok(1998)],
    [1998.1, ok(1998)],
    ['1998-10', ok(1998)],
    ['1998/10/05', ok(1998)],
    ['1998-10-05 00:00:00', ok(1998)],
    ['1998年10月', ok(1998)],
    ['1998年10月5日', ok(1998)],
    ['约1990年', ok(1990, true)],
    ['大约1990', ok(1990, true)],
    ['1990年左右', ok(1990, true)],
    ['1990年代', ok(1990, true)],
    ['90年代', ok(1990, true)],
    ['1980s', ok(1980, true)],
    [new Date(Date.UTC(1987, 5, 30)), ok(1987)],
    ['abc', no('not_a_year')],
    ['1998.13', no('not_a_year')],
    ['199810', no('not_a_year')],
    [94, no('not_a_year')],
    [35000, no('not_a_year')],
    ['1899', no('too_old')],
    ['1026年', no('too_old')],
    ['2026', no('future_year')],
    ['约2030年', no('future_year')],
    ['2025', ok(2025)],
    ['', no('empty')],
    [null, no('empty')],
    [false, no('not_a_year')],
  ];
  it.each(cases)('%j → %j', (raw, expected) => {
    expect(parseYear(raw, { now })).toEqual(expected);
  });

  it('uses the current year when no clock is given', () => {
    expect(parseYear(String(new Date().getFullYear() + 1))).toEqual(no('future_year'));
  });
});

describe('parseEnum', () => {
  const basis = { 不动产登记: 'registered', 测绘: 'surveyed', 合同: 'contract', Other: 'other' };
  const cases: [RawValue, ReturnType<typeof ok> | ReturnType<typeof no>][] = [
    ['不动产登记', ok('registered')],
    [' 测绘 ', ok('surveyed')],
    ['surveyed', ok('surveyed')],
    ['SURVEYED', ok('surveyed')],
    ['other', ok('other')],
    ['ＯＴＨＥＲ', ok('other')],
    ['产权证', no('unknown_option')],
    [3, no('unknown_option')],
    ['', no('empty')],
    [undefined, no('empty')],
  ];
  it.each(cases)('%j → %j', (raw, expected) => {
    expect(parseEnum(raw, basis)).toEqual(expected);
  });
});

describe('parseText', () => {
  const cases: [RawValue, number | undefined, ReturnType<typeof ok> | ReturnType<typeof no>][] = [
    ['  曹门里小区 ', undefined, ok('曹门里小区')],
    [13800000001, undefined, ok('13800000001')],
    [0.1 + 0.2, undefined, ok('0.3')],
    [101, undefined, ok('101')],
    [new Date(Date.UTC(2023, 0, 5)), undefined, ok('2023-01-05')],
    ['𠀀𠀀', 2, ok('𠀀𠀀')],
    ['三个字', 2, no('too_long')],
    ['  ', undefined, no('empty')],
  ];
  it.each(cases)('%j (max %s) → %j', (raw, maxLength, expected) => {
    expect(parseText(raw, { maxLength })).toEqual(expected);
  });
});

describe('toHalfWidth', () => {
  it('maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('（１２．５）\u3000ＡＢ')).toBe('(12.5) AB');
  });
});
