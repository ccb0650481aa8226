import { describe, expect, it } from 'vitest';
import type { Lang } from '../errors.js';
import { fileProblemMessage, problemMessage } from './messages.js';
import type { SheetFileProblem, SheetProblem } from './problems.js';

const cell = (
  reason: SheetProblem['reason'],
  value: string,
  extra: Partial<SheetProblem> = {},
): SheetProblem => ({
  sheet: '2023年改造计划',
  row: 5,
  column: 'E',
  header: '建成年代',
  field: 'buildYear',
  reason,
  value,
  ...extra,
});

describe('problemMessage', () => {
  const cases: [SheetProblem | SheetFileProblem, Lang, string][] = [
    [cell('not_a_year', 'abc'), 'zh-CN', '第5行 E列「建成年代」：无法识别的年份“abc”'],
    [cell('not_a_year', 'abc'), 'en', 'Row 5, column E (建成年代): "abc" is not a year'],
    [cell('future_year', '2030'), 'zh-CN', '第5行 E列「建成年代」：年份“2030”晚于今年'],
    [cell('required', ''), 'zh-CN', '第5行 E列「建成年代」：不能为空'],
    [cell('required', ''), 'en', 'Row 5, column E (建成年代): is required'],
    [cell('negative', '-73.37'), 'zh-CN', '第5行 E列「建成年代」：“-73.37”不能为负数'],
    [
      cell('above_max', '20000', { limit: 10000 }),
      'en',
      'Row 5, column E (建成年代): "20000" must be at most 10,000',
    ],
    [cell('too_long', 'x', { limit: 100 }), 'zh-CN', '第5行 E列「建成年代」：内容过长，最多 100 个字'],
    [
      cell('unknown_option', '产权证', { options: ['不动产登记', '测绘'] }),
      'zh-CN',
      '第5行 E列「建成年代」：“产权证”不是可选值（可选：不动产登记、测绘）',
    ],
    [{ reason: 'not_a_spreadsheet' }, 'zh-CN', '不是有效的 Excel 或 CSV 文件'],
    [{ reason: 'encrypted_or_legacy' }, 'zh-CN', '文件已加密或为旧版 .xls 格式，请另存为 .xlsx 后再导入'],
    [{ reason: 'missing_column', header: '小区名称', field: 'name' }, 'zh-CN', '缺少必填列「小区名称」'],
    [
      { reason: 'missing_column', header: '小区名称', field: 'name' },
      'en',
      'The required column 小区名称 is missing',
    ],
    [
      { reason: 'too_large_uncompressed', limit: 1024 ** 3 },
      'zh-CN',
      '文件解压后过大（超过 1,024 MB），疑似压缩炸弹，已拒绝',
    ],
    [
      { reason: 'too_many_rows', limit: 1_000_000, row: 1_000_002 },
      'en',
      'More than 1,000,000 rows; rows from 1000002 on were not read',
    ],
    [{ reason: 'no_sheet', sheet: '住户' }, 'zh-CN', '找不到工作表「住户」'],
    [{ reason: 'unclosed_quote', row: 7 }, 'zh-CN', '第7行的引号没有闭合，请检查该行'],
  ];
  it.each(cases)('%j in %s', (problem, lang, expected) => {
    expect(problemMessage(problem, lang)).toBe(expected);
  });

  it('has a message in both languages for every file-level reason', () => {
    const reasons: SheetFileProblem['reason'][] = [
      'empty',
      'not_a_spreadsheet',
      'encrypted_or_legacy',
      'corrupt',
      'too_large_uncompressed',
      'too_many_rows',
      'bad_encoding',
      'unclosed_quote',
      'no_sheet',
      'no_header',
      'missing_column',
    ];
    for (const reason of reasons) {
      for (const lang of ['zh-CN', 'en'] as const) expect(fileProblemMessage({ reason }, lang)).not.toBe('');
    }
  });
});
