import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  FigureError,
  type FigureFormat,
  formatDateZh,
  formatDocumentNumber,
  formatFigure,
  parseDocumentNumber,
} from './figures-zh.js';

describe('formatFigure: the seed letter’s figures, each in the letter’s own form', () => {
  const cases: [string, number, FigureFormat, string][] = [
    ['全区共有小区212个', 212, { unit: '个' }, '212个'],
    ['占全区小区总量的88.7% (188 of 212)', (188 / 212) * 100, { style: 'percent' }, '88.7%'],
    ['占全市老旧小区总量的16.4% (188 of 1,146)', (188 / 1146) * 100, { style: 'percent' }, '16.4%'],
    ['改造楼栋1,203栋 (the issue’s form)', 1203, { unit: '栋' }, '1,203栋'],
    ['改造楼栋1203个 (the letter’s own form)', 1203, { unit: '个', group: false }, '1203个'],
    ['面积超283万m²', 2_834_616.5, { style: 'wan', decimals: 0, approx: 'chao', unit: 'm²' }, '超283万m²'],
    [
      '283万余平方米',
      2_834_616.5,
      { style: 'wan', decimals: 0, approx: 'yu', unit: '平方米' },
      '283万余平方米',
    ],
    [
      '283万平方米 (rounded, no word)',
      2_834_616.5,
      { style: 'wan', decimals: 0, unit: '平方米' },
      '283万平方米',
    ],
    ['惠及居民4.2万余户', 42_186, { style: 'wan', approx: 'yu', unit: '户' }, '4.2万余户'],
    ['11.5万多人', 115_472, { style: 'wan', approx: 'duo', unit: '人' }, '11.5万多人'],
    ['共拆违4,091处', 4091, { unit: '处' }, '4,091处'],
    ['13.6万平方米', 136_042.6, { style: 'wan', unit: '平方米' }, '13.6万平方米'],
    ['群众自拆率达到68% (2,782 of 4,091)', (2782 / 4091) * 100, { style: 'percent', decimals: 0 }, '68%'],
    ['860多名党员干部 (864)', 864, { approx: 'duo', decimals: -1, unit: '名' }, '860多名'],
    ['便民服务设施8600余个', 8634, { approx: 'yu', decimals: -2, unit: '个', group: false }, '8600余个'],
    ['8,600余个 (the issue’s form)', 8634, { approx: 'yu', decimals: -2, unit: '个' }, '8,600余个'],
    ['18个部门', 18, { unit: '个' }, '18个'],
    ['627家共建单位', 627, { unit: '家' }, '627家'],
  ];
  it.each(cases)('%s', (_name, value, format, expected) => {
    expect(formatFigure(value, format)).toBe(expected);
  });
});

describe('formatFigure: rounding at its boundaries (on decimal digits, half up)', () => {
  const cases: [string, number, FigureFormat, string][] = [
    ['88.65 → 88.7 (a double holds 88.6499…)', 88.65, { style: 'percent' }, '88.7%'],
    ['0.15 → 0.2', 0.15, { style: 'percent' }, '0.2%'],
    ['88.64 → 88.6', 88.64, { style: 'percent' }, '88.6%'],
    ['a whole percentage keeps its decimal', 68, { style: 'percent' }, '68.0%'],
    ['100%', 100, { style: 'percent' }, '100.0%'],
    ['two decimals', 16.405, { style: 'percent', decimals: 2 }, '16.41%'],
    ['4.25万 rounds up', 42_500, { style: 'wan', unit: '户' }, '4.3万户'],
    ['4.2499万 rounds down', 42_499, { style: 'wan', unit: '户' }, '4.2万户'],
    ['余 truncates, never rounds up', 42_999, { style: 'wan', approx: 'yu' }, '4.2万余'],
    ['a whole 万 drops its .0', 40_000, { style: 'wan', unit: '户' }, '4万户'],
    ['decimals in 万', 2_834_616.5, { style: 'wan', decimals: 2 }, '283.46万'],
    ['plain rounds half up', 1202.5, {}, '1,203'],
    ['plain with decimals', 14_240.075, { decimals: 2, unit: 'm²' }, '14,240.08m²'],
    ['rounded to hundreds', 8650, { decimals: -2 }, '8,700'],
    ['a big plain figure', 2_834_616.5, { unit: 'm²' }, '2,834,617m²'],
  ];
  it.each(cases)('%s', (_name, value, format, expected) => {
    expect(formatFigure(value, format)).toBe(expected);
  });
});

describe('formatFigure: the 万 and 亿 thresholds', () => {
  const cases: [string, number, FigureFormat, string][] = [
    ['below 1万: written whole, grouped', 8600, { style: 'wan', unit: '个' }, '8,600个'],
    ['below 1万, the letter’s form', 8600, { style: 'wan', unit: '个', group: false }, '8600个'],
    ['9,999 stays whole', 9999, { style: 'wan' }, '9,999'],
    ['9,999.6 rounds to 1万, not 10,000', 9999.6, { style: 'wan' }, '1万'],
    ['9,999.6 truncated stays whole', 9999.6, { style: 'wan', approx: 'yu' }, '9,999余'],
    ['exactly 1万', 10_000, { style: 'wan' }, '1万'],
    ['just above 1万', 10_001, { style: 'wan', approx: 'yu' }, '1万余'],
    ['9,960 is not 1万', 9960, { style: 'wan' }, '9,960'],
    ['2834万, never 2,834万', 28_340_000, { style: 'wan', decimals: 0 }, '2834万'],
    ['1亿', 100_000_000, { style: 'wan' }, '1亿'],
    ['3.2亿元', 321_000_000, { style: 'wan', unit: '元' }, '3.2亿元'],
    ['9999.96万 rounds to 1亿', 99_999_600, { style: 'wan' }, '1亿'],
  ];
  it.each(cases)('%s', (_name, value, format, expected) => {
    expect(formatFigure(value, format)).toBe(expected);
  });
});

describe('formatFigure: approximate words only where they are true', () => {
  const cases: [string, number, FigureFormat, string][] = [
    ['exactly 8600: no 余', 8600, { approx: 'yu', decimals: -2, group: false, unit: '个' }, '8600个'],
    ['exactly 4.2万: no 余', 42_000, { style: 'wan', approx: 'yu', unit: '户' }, '4.2万户'],
    ['exactly 283万: no 超', 2_830_000, { style: 'wan', decimals: 0, approx: 'chao' }, '283万'],
    ['zero is exact', 0, { approx: 'duo', unit: '个' }, '0个'],
    ['zero households', 0, { style: 'wan', unit: '户' }, '0户'],
    ['zero percent', 0, { style: 'percent' }, '0.0%'],
  ];
  it.each(cases)('%s', (_name, value, format, expected) => {
    expect(formatFigure(value, format)).toBe(expected);
  });
});

describe('formatFigure: values and options refused', () => {
  const cases: [string, number, FigureFormat][] = [
    ['negative', -1, {}],
    ['negative in 万', -42_186, { style: 'wan' }],
    ['NaN', Number.NaN, {}],
    ['infinite', Number.POSITIVE_INFINITY, { style: 'percent' }],
    ['absurdly large', 1e16, {}],
    ['fractional decimals', 1, { decimals: 0.5 }],
    ['too many decimals', 1, { decimals: 7 }],
    ['tens in 万', 42_186, { style: 'wan', decimals: -1 }],
  ];
  it.each(cases)('%s', (_name, value, format) => {
    expect(() => formatFigure(value, format)).toThrow(FigureError);
  });

  it('tiny values written by the double as 1e-7 are read exactly', () => {
    expect(formatFigure(1e-7, { decimals: 6 })).toBe('0.000000');
  });
});

describe('formatDateZh', () => {
  it.each([
    ['2023-06-05', '2023年6月5日'],
    ['2023-12-31', '2023年12月31日'],
    ['2024-02-29', '2024年2月29日'],
  ])('%s → %s', (date, expected) => expect(formatDateZh(date)).toBe(expected));

  it.each(['2023-02-29', '2023-13-01', '2023-6-5', '2023-06-05T00:00:00Z', '', '二〇二三年六月五日'])(
    'refuses %j',
    (date) => expect(() => formatDateZh(date)).toThrow(FigureError),
  );
});

describe('document numbers (GB/T 9704: year in 〔〕, no leading zeros)', () => {
  it.each([
    [{ agency: '汴顺政', year: 2023, serial: 47 }, '汴顺政〔2023〕47号'],
    [{ agency: ' 汴顺政办 ', year: 2024, serial: 1 }, '汴顺政办〔2024〕1号'],
  ])('%j → %s', (n, expected) => expect(formatDocumentNumber(n)).toBe(expected));

  it.each([
    { agency: '', year: 2023, serial: 47 },
    { agency: '汴顺政〔', year: 2023, serial: 47 },
    { agency: '汴顺政', year: 23, serial: 47 },
    { agency: '汴顺政', year: 2023, serial: 0 },
    { agency: '汴顺政', year: 2023, serial: 4.7 },
  ])('refuses %j', (n) => expect(() => formatDocumentNumber(n)).toThrow(FigureError));

  it.each([
    ['汴顺政〔2023〕47号', { agency: '汴顺政', year: 2023, serial: 47 }],
    ['汴顺政[2023]47号', null],
    ['汴顺政（2023）47号', null],
    ['汴顺政【2023】47号', null],
    ['汴顺政〔2023〕047号', null],
    ['〔2023〕47号', null],
  ])('parses %s', (text, expected) => expect(parseDocumentNumber(text)).toEqual(expected));
});

describe('chineseNumeral (terms and sessions)', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [13, '十三'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
  ])('%i → %s', (n, expected) => expect(chineseNumeral(n)).toBe(expected));

  it.each([0, 100, 1.5, -3])('refuses %s', (n) => expect(() => chineseNumeral(n)).toThrow(FigureError));
});
