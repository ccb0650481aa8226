/**
 * The illegal-structure survey sheet (违建调查表) as subdistricts keep it during the dragnet survey:
 * where each structure is (compound, building, stairwell unit, room), what it is, who surveyed
 * it when, the first and second measurements and, for structures already gone, the removal.
 * Canonical headers for the template; the other headers seen in offices' sheets for import.
 */
import { limits } from '../../../contract/common.js';
import type { SheetColumn, SheetSpec } from '../../platform/sheets/columns.js';
import { compoundRef } from '../inventory/sheets.js';

const place = (key: string, header: string, synonyms: string[], width: number): SheetColumn => ({
  key,
  header,
  synonyms,
  type: 'text',
  maxLength: 30,
  width,
});

/** An area in m² as the register takes it: more than zero, at most 100,000. */
const area = (key: string, header: string, synonyms: string[]): SheetColumn => ({
  key,
  header,
  synonyms,
  type: 'decimal',
  min: 0.01,
  max: 100_000,
  width: 14,
});

const person = (key: string, header: string, synonyms: string[], required = false): SheetColumn => ({
  key,
  header,
  synonyms,
  type: 'text',
  maxLength: limits.name.max,
  width: 10,
  ...(required ? { required } : {}),
});

const yesNo: Record<string, string> = {
  是: 'yes',
  否: 'no',
  党员: 'yes',
  公职人员: 'yes',
  Y: 'yes',
  N: 'no',
};

export const measurementMethodLabels: Record<string, string> = {
  皮尺: 'tape',
  卷尺: 'tape',
  钢尺: 'tape',
  激光测距: 'laser',
  激光: 'laser',
  测距仪: 'laser',
  图纸: 'drawing',
  图纸测算: 'drawing',
  其他: 'other',
};

export const removerLabels: Record<string, string> = {
  自行拆除: 'owner',
  自拆: 'owner',
  业主自拆: 'owner',
  自行整改: 'owner',
  依法拆除: 'enforcement',
  强制拆除: 'enforcement',
  强拆: 'enforcement',
  执法拆除: 'enforcement',
};

export const surveySheet: SheetSpec = {
  kind: 'structures',
  sheetName: '违建调查表',
  title: '违法建设调查登记表',
  columns: [
    ...compoundRef,
    place('building', '楼栋', ['楼栋号', '楼号', '栋号'], 10),
    place('unit', '单元', ['单元号'], 8),
    place('room', '房号', ['门牌号', '户号', '室号', '房间号'], 8),
    {
      key: 'type',
      header: '违建类型',
      synonyms: ['类型', '违建类别', '违法建设类型', '违建性质', '违建形式'],
      type: 'text',
      required: true,
      maxLength: limits.name.max,
      width: 12,
    },
    {
      key: 'location',
      header: '位置描述',
      synonyms: ['位置', '具体位置', '违建位置', '坐落位置', '违建部位'],
      type: 'text',
      maxLength: limits.shortNote.max,
      width: 24,
    },
    {
      key: 'surveyOn',
      header: '调查日期',
      synonyms: ['摸排日期', '调查时间', '摸排时间', '登记日期'],
      type: 'date',
      required: true,
      width: 12,
    },
    person('surveyor', '调查人', ['摸排人', '调查人员', '登记人', '摸排人员'], true),
    {
      key: 'ownerPartyMember',
      header: '户主是否党员',
      synonyms: ['是否党员', '党员'],
      type: 'enum',
      options: yesNo,
      width: 10,
    },
    {
      key: 'ownerPublicEmployee',
      header: '户主是否公职人员',
      synonyms: ['是否公职人员', '公职人员'],
      type: 'enum',
      options: yesNo,
      width: 10,
    },
    person('measuredBy1', '初测人', ['测量人', '测量人1', '第一次测量人', '初测测量人']),
    area('area1', '初测面积（平方米）', [
      '初测面积',
      '测量面积',
      '面积',
      '违建面积',
      '测量面积1',
      '第一次测量面积',
    ]),
    person('measuredBy2', '复测人', ['复核人', '测量人2', '第二次测量人', '复测测量人']),
    area('area2', '复测面积（平方米）', ['复测面积', '复核面积', '测量面积2', '第二次测量面积']),
    {
      key: 'measuredOn2',
      header: '复测日期',
      synonyms: ['复核日期', '复测时间'],
      type: 'date',
      width: 12,
    },
    {
      key: 'method',
      header: '测量方式',
      synonyms: ['测量方法'],
      type: 'enum',
      options: measurementMethodLabels,
      width: 10,
    },
    { key: 'removedOn', header: '拆除日期', synonyms: ['拆除时间'], type: 'date', width: 12 },
    {
      key: 'removedBy',
      header: '拆除方式',
      synonyms: ['拆除类型', '拆除形式'],
      type: 'enum',
      options: removerLabels,
      width: 10,
    },
    {
      key: 'legalBasis',
      header: '法律依据',
      synonyms: ['拆除依据', '执法依据', '处罚依据'],
      type: 'text',
      maxLength: limits.shortNote.max,
      width: 20,
    },
  ],
};
