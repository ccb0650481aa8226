import { describe, expect, it } from 'vitest';
import { columnLetter, headerLookup, matchHeader, normaliseHeader, type SheetSpec } from './columns.js';

describe('normaliseHeader', () => {
  const cases: [string, string][] = [
    ['建筑面积（平方米）', '建筑面积'],
    ['建筑面积(㎡)', '建筑面积'],
    ['建筑面积 (m²)', '建筑面积'],
    ['建筑面积\n（㎡）', '建筑面积'],
    ['建筑面积/㎡', '建筑面积'],
    ['估算投资（万元）', '估算投资'],
    ['【必填】小区名称*', '小区名称'],
    ['小区名称：', '小区名称'],
    [' 序　号 ', '序号'],
    ['ＡＲＥＡ', 'area'],
    ['Area (m2)', 'area'],
  ];
  it.each(cases)('%j → %j', (text, expected) => {
    expect(normaliseHeader(text)).toBe(expected);
  });
});

describe('matchHeader', () => {
  const spec: SheetSpec = {
    kind: 'k',
    sheetName: 's',
    columns: [
      { key: 'area', header: '建筑面积（㎡）', synonyms: ['面积', 'Area'], type: 'decimal' },
      { key: 'name', header: '小区名称', type: 'text' },
      { key: 'other', header: '其他面积', synonyms: ['面积'], type: 'decimal' },
    ],
  };
  const lookup = headerLookup(spec);
  const cases: [string, string | undefined][] = [
    ['建筑面积（平方米）', 'area'],
    ['建筑面积(㎡)', 'area'],
    ['面积', 'area'],
    ['AREA', 'area'],
    ['小区名称', 'name'],
    ['其他面积(㎡)', 'other'],
    ['小区', undefined],
    ['', undefined],
  ];
  it.each(cases)('%j → %j', (text, expected) => {
    expect(matchHeader(lookup, text)).toBe(expected);
  });
});

describe('columnLetter', () => {
  const cases: [number, string][] = [
    [0, 'A'],
    [4, 'E'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ];
  it.each(cases)('%i → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
