/** Ledger problems in words, zh-CN or en, naming the row, column and header as the file has them. */
import type { Lang } from '../errors.js';
import type { SheetCellReason, SheetFileProblem, SheetFileReason, SheetProblem } from './problems.js';

type Text = Record<Lang, string>;

const number = (n: number | undefined) => (n === undefined ? '?' : n.toLocaleString('en-US'));

function cellText(p: SheetProblem): Record<SheetCellReason, Text> {
  const v = p.value;
  const limit = number(p.limit);
  const choices = p.options ?? [];
  return {
    required: { 'zh-CN': '不能为空', en: 'is required' },
    not_a_number: { 'zh-CN': `“${v}”不是有效的数字`, en: `"${v}" is not a number` },
    not_an_integer: { 'zh-CN': `“${v}”应为整数`, en: `"${v}" is not a whole number` },
    negative: { 'zh-CN': `“${v}”不能为负数`, en: `"${v}" must not be negative` },
    below_min: { 'zh-CN': `“${v}”不能小于 ${limit}`, en: `"${v}" must be at least ${limit}` },
    above_max: { 'zh-CN': `“${v}”不能大于 ${limit}`, en: `"${v}" must be at most ${limit}` },
    not_a_year: { 'zh-CN': `无法识别的年份“${v}”`, en: `"${v}" is not a year` },
    future_year: { 'zh-CN': `年份“${v}”晚于今年`, en: `"${v}" is a year in the future` },
    too_old: { 'zh-CN': `年份“${v}”早于 1900 年`, en: `"${v}" is before 1900` },
    not_a_date: {
      'zh-CN': `无法识别的日期“${v}”（请写作 2021-05-03 或 2021年5月3日）`,
      en: `"${v}" is not a date (write 2021-05-03)`,
    },
    future_date: { 'zh-CN': `日期“${v}”晚于今天`, en: `"${v}" is a day in the future` },
    unknown_option: {
      'zh-CN': `“${v}”不是可选值${choices.length ? `（可选：${choices.join('、')}）` : ''}`,
      en: `"${v}" is not one of the options${choices.length ? ` (${choices.join(', ')})` : ''}`,
    },
    too_long: { 'zh-CN': `内容过长，最多 ${limit} 个字`, en: `is too long (at most ${limit} characters)` },
    formula_error: { 'zh-CN': `公式没有有效结果“${v}”`, en: `has a formula without a valid result "${v}"` },
  };
}

/** "工作表「表1」第5行 C列" / "sheet 表1, row 5, column C": where a read stopped. */
function where(p: SheetFileProblem): Text {
  const row = p.row ?? '?';
  const zh = `${p.sheet ? `工作表「${p.sheet}」` : ''}第${row}行${p.column ? ` ${p.column}列` : ''}`;
  const en = `${p.sheet ? `Sheet ${p.sheet}, row` : 'Row'} ${row}${p.column ? `, column ${p.column}` : ''}`;
  return { 'zh-CN': zh, en };
}

function fileText(p: SheetFileProblem): Record<SheetFileReason, Text> {
  const mb = p.limit === undefined ? '?' : number(Math.round(p.limit / 1024 ** 2));
  const at = where(p);
  return {
    empty: { 'zh-CN': '文件为空', en: 'The file is empty' },
    not_a_spreadsheet: {
      'zh-CN': '不是有效的 Excel 或 CSV 文件',
      en: 'This is not a valid Excel or CSV file',
    },
    encrypted_or_legacy: {
      'zh-CN': '文件已加密或为旧版 .xls 格式，请另存为 .xlsx 后再导入',
      en: 'The file is password-protected or in the old .xls format; save it as .xlsx and import it again',
    },
    corrupt: {
      'zh-CN': '文件已损坏，无法读取，请重新保存后再导入',
      en: 'The file is damaged and cannot be read; save it again and retry',
    },
    too_large_uncompressed: {
      'zh-CN': `文件解压后过大（超过 ${mb} MB），疑似压缩炸弹，已拒绝`,
      en: `The file expands to more than ${mb} MB when unpacked (a possible zip bomb) and was refused`,
    },
    too_many_rows: {
      'zh-CN': `行数超过上限 ${number(p.limit)} 行，从第${p.row ?? '?'}行起未读取`,
      en: `More than ${number(p.limit)} rows; rows from ${p.row ?? '?'} on were not read`,
    },
    cell_too_large: {
      'zh-CN': `${at['zh-CN']}：单元格内容超过 ${number(p.limit)} 个字符（Excel 单元格的上限），文件未导入`,
      en: `${at.en}: the cell holds more than ${number(p.limit)} characters (the most an Excel cell can) and the file was not imported`,
    },
    row_too_large: {
      'zh-CN': `${at['zh-CN']}：该行内容超过 ${number(p.limit)} 个字符，文件未导入`,
      en: `${at.en}: the row holds more than ${number(p.limit)} characters and the file was not imported`,
    },
    too_many_columns: {
      'zh-CN': `${at['zh-CN']}：列数超过 ${number(p.limit)} 列（Excel 的上限），文件未导入`,
      en: `${at.en}: more than ${number(p.limit)} columns (the most Excel has) and the file was not imported`,
    },
    strings_too_large: {
      'zh-CN': `文件中的文字总量超过 ${number(p.limit)} 个字符，请拆分后分批导入`,
      en: `The file holds more than ${number(p.limit)} characters of text; split it and import the parts`,
    },
    bad_encoding: {
      'zh-CN': `第${p.row ?? '?'}行附近的文字编码无法识别，请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入`,
      en: `The text near row ${p.row ?? '?'} is in an unknown encoding; save it as "CSV UTF-8" or .xlsx and import it again`,
    },
    unclosed_quote: {
      'zh-CN': `第${p.row ?? '?'}行的引号没有闭合，请检查该行`,
      en: `A quote opened on row ${p.row ?? '?'} is never closed; check that row`,
    },
    no_sheet: p.sheet
      ? { 'zh-CN': `找不到工作表「${p.sheet}」`, en: `There is no sheet named ${p.sheet}` }
      : { 'zh-CN': '文件中没有工作表', en: 'The workbook has no sheets' },
    no_header: {
      'zh-CN': '前 15 行中找不到表头，请使用导入模板',
      en: 'No header row in the first 15 rows; use the import template',
    },
    missing_column: {
      'zh-CN': `缺少必填列「${p.header ?? p.field ?? ''}」`,
      en: `The required column ${p.header ?? p.field ?? ''} is missing`,
    },
  };
}

/** A file-level problem in words. */
export function fileProblemMessage(problem: SheetFileProblem, lang: Lang): string {
  return fileText(problem)[problem.reason][lang];
}

/** A problem in words: "第5行 E列「建成年代」：无法识别的年份“abc”"; file-level ones too. */
export function problemMessage(problem: SheetProblem | SheetFileProblem, lang: Lang): string {
  if (!('value' in problem)) return fileProblemMessage(problem, lang);
  const detail = cellText(problem)[problem.reason][lang];
  return lang === 'zh-CN'
    ? `第${problem.row}行 ${problem.column}列「${problem.header}」：${detail}`
    : `Row ${problem.row}, column ${problem.column} (${problem.header}): ${detail}`;
}
