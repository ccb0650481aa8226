/**
 * The inventory's three ledgers as offices keep them: canonical Chinese headers for export and
 * templates, and the other headers seen in real sheets for import.
 */
import type { LedgerKind } from '../../../contract/imports.js';
import type { SheetColumn, SheetSpec } from '../../platform/sheets/columns.js';

/** How a row names its compound: by code, or by subdistrict and name (as the inventory ledgers do). */
export const compoundRef: SheetColumn[] = [
  { key: 'code', header: '小区编码', synonyms: ['编码', '小区代码'], type: 'text', maxLength: 40, width: 16 },
  {
    key: 'subdistrict',
    header: '街道（乡）',
    synonyms: ['街道', '乡镇', '街道办事处', '所属街道', '乡镇（街道）', '乡（街道）', '街道（乡镇）'],
    type: 'text',
    maxLength: 40,
    width: 12,
  },
  {
    key: 'name',
    header: '小区名称',
    synonyms: ['小区', '小区名', '名称', '项目名称'],
    type: 'text',
    required: true,
    maxLength: 100,
    width: 26,
  },
];

const area = (key: string, header: string, synonyms: string[]): SheetColumn => ({
  key,
  header,
  synonyms,
  type: 'decimal',
  min: 0,
  max: 100_000_000,
  width: 16,
});
const whole = (key: string, header: string, synonyms: string[], max = 1_000_000): SheetColumn => ({
  key,
  header,
  synonyms,
  type: 'integer',
  min: 0,
  max,
  width: 10,
});

export const propertyManagementLabels: Record<string, string> = {
  专业物业: 'professional',
  专业化物业: 'professional',
  物业公司: 'professional',
  自管: 'self',
  业主自管: 'self',
  单位自管: 'self',
  无物业: 'none',
  无: 'none',
};

export const areaBasisLabels: Record<string, string> = {
  不动产登记: 'registered',
  产权登记: 'registered',
  登记: 'registered',
  测绘: 'surveyed',
  实测: 'surveyed',
  合同: 'contract',
  购房合同: 'contract',
};

export const sheetSpecs: Record<LedgerKind, SheetSpec> = {
  compounds: {
    kind: 'compounds',
    sheetName: '小区台账',
    title: '住宅小区台账',
    columns: [
      ...compoundRef,
      {
        key: 'community',
        header: '社区',
        synonyms: ['所属社区', '社区（居委会）', '居委会'],
        type: 'text',
        maxLength: 40,
        width: 12,
      },
      {
        key: 'address',
        header: '地址',
        synonyms: ['小区地址', '详细地址', '坐落'],
        type: 'text',
        maxLength: 200,
        width: 30,
      },
      {
        key: 'buildYear',
        header: '建成年代',
        synonyms: ['建成年份', '建成时间', '竣工年份', '建设年代', '建成年度'],
        type: 'year',
        width: 10,
      },
      whole('buildingCount', '楼栋数', ['楼栋', '栋数', '楼栋数（栋）'], 10_000),
      whole('unitCount', '单元数', ['单元'], 100_000),
      whole('householdCount', '户数', ['总户数', '居民户数', '住户数']),
      whole('residentCount', '人口', ['居住人口', '人数', '常住人口', '居民人数']),
      area('floorArea', '建筑面积（平方米）', ['建筑面积', '面积', '总建筑面积', '总面积']),
      {
        key: 'propertyManagement',
        header: '物业管理',
        synonyms: ['物业', '物业管理方式', '物业情况'],
        type: 'enum',
        options: propertyManagementLabels,
        width: 10,
      },
      { key: 'lng', header: '经度', type: 'decimal', min: -180, max: 180, width: 12 },
      { key: 'lat', header: '纬度', type: 'decimal', min: -90, max: 90, width: 12 },
      { key: 'notes', header: '备注', synonyms: ['说明'], type: 'text', maxLength: 500, width: 20 },
    ],
  },
  buildings: {
    kind: 'buildings',
    sheetName: '楼栋台账',
    title: '楼栋台账',
    columns: [
      ...compoundRef,
      {
        key: 'number',
        header: '楼栋号',
        synonyms: ['楼栋', '楼号', '栋号', '楼栋编号'],
        type: 'text',
        required: true,
        maxLength: 30,
        width: 10,
      },
      whole('floors', '层数', ['楼层数', '楼层', '总层数'], 200),
      whole('unitCount', '单元数', ['单元'], 100),
      whole('householdCount', '户数', ['总户数', '住户数'], 10_000),
      area('floorArea', '建筑面积（平方米）', ['建筑面积', '面积']),
      {
        key: 'buildYear',
        header: '建成年代',
        synonyms: ['建成年份', '建成时间', '竣工年份'],
        type: 'year',
        width: 10,
      },
    ],
  },
  households: {
    kind: 'households',
    sheetName: '住户台账',
    title: '住户（专有部分）台账',
    columns: [
      ...compoundRef,
      {
        key: 'building',
        header: '楼栋',
        synonyms: ['楼栋号', '楼号', '栋号'],
        type: 'text',
        required: true,
        maxLength: 30,
        width: 10,
      },
      {
        key: 'unit',
        header: '单元',
        synonyms: ['单元号'],
        type: 'text',
        required: true,
        maxLength: 30,
        width: 8,
      },
      {
        key: 'room',
        header: '房号',
        synonyms: ['门牌号', '户号', '室号', '房间号'],
        type: 'text',
        required: true,
        maxLength: 30,
        width: 8,
      },
      {
        key: 'ownerName',
        header: '产权人',
        synonyms: ['业主', '业主姓名', '产权人姓名', '房主'],
        type: 'text',
        maxLength: 100,
        width: 14,
      },
      {
        key: 'idNumber',
        header: '身份证号',
        synonyms: ['证件号码', '身份证号码', '身份证'],
        type: 'text',
        maxLength: 30,
        width: 22,
      },
      {
        key: 'phone',
        header: '联系电话',
        synonyms: ['电话', '手机', '手机号', '联系方式'],
        type: 'text',
        maxLength: 30,
        width: 14,
      },
      area('exclusiveArea', '专有部分面积（平方米）', [
        '专有部分面积',
        '专有面积',
        '建筑面积',
        '面积',
        '房屋面积',
      ]),
      {
        key: 'areaBasis',
        header: '面积依据',
        synonyms: ['面积来源', '面积类型'],
        type: 'enum',
        options: areaBasisLabels,
        width: 12,
      },
      { key: 'notes', header: '备注', synonyms: ['说明'], type: 'text', maxLength: 500, width: 20 },
    ],
  },
};

/** "1" → "1号楼", "2" → "2单元": the forms offices write interchangeably, stored one way. */
export function normaliseBuilding(value: string): string {
  const v = value.trim();
  return /^\d+$/.test(v) ? `${v}号楼` : v.replace(/^(\d+)[#栋幢]$/, '$1号楼');
}
export function normaliseUnit(value: string): string {
  const v = value.trim();
  return /^\d+$/.test(v) ? `${v}单元` : v;
}
