/**
 * The demo district: a deterministic, clearly labelled demo inventory that reproduces the seed
 * letter's figures exactly (see figures.ts). Same input, same rows, every time.
 */
import { apportion, type PropertyManagement } from '../../domain/inventory.js';
import { demoFigures, demoSubdistricts, otherCityDistricts, registeredCompoundCount } from './figures.js';

/** A small deterministic PRNG (mulberry32), so the demo is the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    range: (min: number, max: number) => min + next() * (max - min),
  };
}

export interface DemoRegion {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  isDemo: boolean;
}
export interface DemoCompound {
  code: string;
  name: string;
  address: string;
  regionCode: string;
  buildYear: number;
  buildingCount: number;
  unitCount: number;
  householdCount: number;
  residentCount: number;
  floorArea: number;
  propertyManagement: PropertyManagement;
  lng: number;
  lat: number;
  notes: string;
}
export interface DemoBuilding {
  compoundCode: string;
  number: string;
  floors: number;
  unitCount: number;
  householdCount: number;
  floorArea: number;
  buildYear: number;
}
export interface DemoHousehold {
  compoundCode: string;
  building: string;
  unit: string;
  room: string;
  ownerKey: string;
  ownerName: string;
  ownerKind: 'person' | 'developer';
  phone: string | null;
  areaRegistered: number | null;
  areaSurveyed: number | null;
  areaContract: number | null;
}
export interface DemoDistrict {
  regions: DemoRegion[];
  /** The few compounds whose register came first (the illegal-structure survey works in them). */
  registeredSample: string[];
  counts: { regionCode: string; compounds: number; oldCompounds: number }[];
  compounds: DemoCompound[];
  buildings: DemoBuilding[];
  households: DemoHousehold[];
  renovations: { compoundCode: string; year: number }[];
}

const nameWords = [
  '延庆',
  '汴京',
  '龙亭',
  '繁塔',
  '州桥',
  '书店街',
  '鼓楼',
  '双龙巷',
  '包府',
  '相国',
  '东华',
  '迎宾',
  '中山',
  '自由',
  '解放',
  '河道',
  '前营',
  '后营',
  '化建',
  '电业',
  '纺织',
  '机械',
  '粮食',
  '供销',
  '邮电',
  '教育',
  '卫生',
  '棉麻',
  '建工',
  '水利',
  '铁塔',
  '曹门',
  '宋门',
  '清平',
  '苹果园',
  '东郊',
  '土柏岗',
  '理事厅',
  '刷绒',
  '财政',
];
const nameSuffixes = ['家属院', '小区', '院', '新村', '公寓', '花园'];
const oldManagement: PropertyManagement[] = ['self', 'self', 'none', 'none', 'professional'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const stems = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/** Generate the whole demo district. */
export function generateDemoDistrict(): DemoDistrict {
  const r = prng(410_203);
  const regions: DemoRegion[] = [];
  for (const d of otherCityDistricts) {
    regions.push({ code: d.code, name: d.name, level: d.level, parentCode: '410200', isDemo: false });
  }
  const compounds: DemoCompound[] = [];
  const used = new Set<string>();
  const oldOnes: number[] = [];
  for (const s of demoSubdistricts) {
    const communityCodes = s.communities.map((name, i) => {
      const code = `${s.code}${String(i + 1).padStart(3, '0')}`;
      regions.push({
        code,
        name: `${name.replace('（示例）', '')}社区${name.includes('示例') ? '（示例）' : ''}`,
        level: 'community',
        parentCode: s.code,
        isDemo: name.includes('示例'),
      });
      return code;
    });
    for (let i = 0; i < s.compounds; i++) {
      const old = i < s.old;
      let name = '';
      do name = `示例·${r.pick(nameWords)}${r.pick(nameSuffixes)}`;
      while (used.has(name) && used.size < nameWords.length * nameSuffixes.length);
      if (used.has(name)) name = `${name}${i + 1}号`;
      used.add(name);
      const buildYear = old ? r.int(1958, 2004) : r.int(2005, 2020);
      if (old) oldOnes.push(compounds.length);
      compounds.push({
        code: `${s.code}-${String(i + 1).padStart(3, '0')}`,
        name,
        address: `开封市顺河回族区${r.pick(nameWords)}路${r.int(1, 199)}号（示例地址）`,
        regionCode: communityCodes[i % communityCodes.length] ?? s.code,
        buildYear,
        buildingCount: 0,
        unitCount: 0,
        householdCount: 0,
        residentCount: 0,
        floorArea: 0,
        propertyManagement: old ? r.pick(oldManagement) : 'professional',
        lng: Number((s.center[0] + r.range(-0.008, 0.008)).toFixed(6)),
        lat: Number((s.center[1] + r.range(-0.006, 0.006)).toFixed(6)),
        notes: '演示数据（虚构）',
      });
    }
  }

  // 135 renovated compounds, drawn from the old ones, hitting the letter's totals exactly.
  const shuffled = oldOnes
    .map((i) => [r.next(), i] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, i]) => i);
  const renovatedCount = Object.values(demoFigures.renovatedByYear).reduce((a, b) => a + b, 0);
  const renovated = shuffled.slice(0, renovatedCount).sort((a, b) => a - b);
  const registered = shuffled.slice(renovatedCount, renovatedCount + registeredCompoundCount);
  const renovations: DemoDistrict['renovations'] = [];
  let k = 0;
  for (const [year, n] of Object.entries(demoFigures.renovatedByYear)) {
    for (let i = 0; i < n; i++)
      renovations.push({ compoundCode: compounds[renovated[k++] ?? 0]?.code ?? '', year: Number(year) });
  }
  const size = renovated.map(() => r.range(0.4, 2.2));
  const buildings = apportion(demoFigures.renovatedBuildings - renovated.length, size).map((b) => b + 1);
  const households = apportion(
    demoFigures.renovatedHouseholds,
    buildings.map((b) => b * r.range(28, 42)),
  );
  const residents = apportion(
    demoFigures.renovatedResidents,
    households.map((h) => h * r.range(2.5, 3.0)),
  );
  const areaCents = apportion(
    Math.round(demoFigures.renovatedFloorArea * 100),
    households.map((h) => h * r.range(60, 80)),
  );
  renovated.forEach((ci, j) => {
    const c = compounds[ci];
    if (!c) return;
    c.buildingCount = buildings[j] ?? 1;
    c.householdCount = households[j] ?? 0;
    c.residentCount = residents[j] ?? 0;
    c.floorArea = (areaCents[j] ?? 0) / 100;
  });
  const registeredSet = new Set(registered);
  compounds.forEach((c, i) => {
    if (c.buildingCount > 0) return;
    c.buildingCount = registeredSet.has(i) ? r.int(2, 3) : r.int(2, 14);
    c.householdCount = registeredSet.has(i) ? 0 : c.buildingCount * r.int(20, 45);
    c.residentCount = Math.round(c.householdCount * r.range(2.5, 3.0));
    c.floorArea = Math.round(c.householdCount * r.range(60, 85) * 10) / 10;
  });

  // Buildings for every compound; the registered sample's households here, every other
  // compound's after (fullRegisters), from a stream of their own so these draws stay as they were.
  const buildingRows: DemoBuilding[] = [];
  const householdRows: DemoHousehold[] = [];
  compounds.forEach((c, ci) => {
    const isRegistered = registeredSet.has(ci);
    const floors = c.buildYear < 1990 ? r.int(4, 6) : r.int(5, 7);
    const units = Array.from({ length: c.buildingCount }, () => r.int(2, 3));
    const perBuilding = isRegistered
      ? units.map((u) => u * floors * 2)
      : apportion(
          c.householdCount,
          units.map((u) => u * r.range(0.8, 1.2)),
        );
    if (isRegistered) {
      c.householdCount = perBuilding.reduce((a, b) => a + b, 0);
      c.residentCount = Math.round(c.householdCount * 2.7);
      c.floorArea = c.householdCount * 78;
    }
    const areas = apportion(
      Math.round(c.floorArea * 100),
      perBuilding.map((h) => Math.max(h, 1)),
    );
    c.unitCount = units.reduce((a, b) => a + b, 0);
    units.forEach((u, bi) => {
      const number = `${bi + 1}号楼`;
      buildingRows.push({
        compoundCode: c.code,
        number,
        floors,
        unitCount: u,
        householdCount: perBuilding[bi] ?? 0,
        floorArea: (areas[bi] ?? 0) / 100,
        buildYear: c.buildYear,
      });
      if (!isRegistered) return;
      for (let unit = 1; unit <= u; unit++) {
        for (let floor = 1; floor <= floors; floor++) {
          for (let door = 1; door <= 2; door++) {
            const n = householdRows.length;
            const area = Math.round(r.range(52, 96) * 100) / 100;
            const basis = r.next();
            const unsold = n % 97 === 41;
            // Every 37th owner also holds the next flat: one person, two households, one vote.
            const repeat = n % 37 === 1 && householdRows[n - 1]?.ownerKind === 'person';
            const prev = householdRows[n - 1];
            const ownerName = unsold
              ? '开发商未售房屋'
              : repeat && prev
                ? prev.ownerName
                : `${r.pick(surnames)}某${r.pick(stems)}`;
            householdRows.push({
              compoundCode: c.code,
              building: number,
              unit: `${unit}单元`,
              room: `${floor}0${door}`,
              ownerKey: unsold ? `${c.code}:developer` : repeat && prev ? prev.ownerKey : `${c.code}:${n}`,
              ownerName,
              ownerKind: unsold ? 'developer' : 'person',
              phone: unsold ? null : `138${String(410_000_00 + n).padStart(8, '0')}`,
              areaRegistered: unsold || basis >= 0.8 ? null : area,
              areaSurveyed: !unsold && basis >= 0.8 ? area : null,
              areaContract: unsold ? area : null,
            });
          }
        }
      }
    });
  });

  householdRows.push(...fullRegisters(compounds, buildingRows, registeredSet, householdRows.length));

  return {
    regions,
    registeredSample: registered.map((i) => compounds[i]?.code ?? ''),
    counts: otherCityDistricts.map((d) => ({
      regionCode: d.code,
      compounds: d.compounds,
      oldCompounds: d.oldCompounds,
    })),
    compounds,
    buildings: buildingRows,
    households: householdRows,
    renovations,
  };
}

/**
 * Every other compound's household register, matching its buildings' declared household counts:
 * each stairwell unit numbered floor by floor ("301", "302"), exclusive areas about 78% of the
 * building's floor area (registered for most, else surveyed, else the sales contract's), every
 * 37th owner also holding the next flat, and in one compound of five a few unsold developer flats.
 */
function fullRegisters(
  compounds: DemoCompound[],
  buildingRows: DemoBuilding[],
  skip: Set<number>,
  offset: number,
): DemoHousehold[] {
  const r = prng(278);
  const rows: DemoHousehold[] = [];
  const byCompound = new Map<string, DemoBuilding[]>();
  for (const b of buildingRows)
    byCompound.set(b.compoundCode, [...(byCompound.get(b.compoundCode) ?? []), b]);
  compounds.forEach((c, ci) => {
    if (skip.has(ci)) return;
    const withUnsold = ci % 5 === 2;
    for (const b of byCompound.get(c.code) ?? []) {
      const perUnit = apportion(
        b.householdCount,
        Array.from({ length: b.unitCount }, () => 1),
      );
      const cents = apportion(
        Math.round(b.floorArea * 78),
        Array.from({ length: b.householdCount }, () => r.range(0.75, 1.25)),
      );
      let k = 0;
      perUnit.forEach((n, ui) => {
        const doors = Math.max(1, Math.ceil(n / b.floors));
        for (let i = 0; i < n; i++) {
          const index = offset + rows.length;
          const area = Math.max(cents[k++] ?? 0, 2000) / 100;
          const prev = rows[rows.length - 1];
          const unsold = withUnsold && index % 53 === 7;
          const repeat =
            !unsold && index % 37 === 1 && prev?.ownerKind === 'person' && prev.compoundCode === c.code;
          const basis = r.next();
          const name = `${r.pick(surnames)}某${r.pick(stems)}`;
          rows.push({
            compoundCode: c.code,
            building: b.number,
            unit: `${ui + 1}单元`,
            room: `${Math.floor(i / doors) + 1}${String((i % doors) + 1).padStart(2, '0')}`,
            ownerKey: unsold ? `${c.code}:developer` : repeat && prev ? prev.ownerKey : `${c.code}:${index}`,
            ownerName: unsold ? '开发商未售房屋' : repeat && prev ? prev.ownerName : name,
            ownerKind: unsold ? 'developer' : 'person',
            phone: unsold ? null : `13${String(900_000_000 + index).padStart(9, '0')}`,
            areaRegistered: unsold || basis >= 0.85 ? null : area,
            areaSurveyed: !unsold && basis >= 0.85 ? area : null,
            areaContract: unsold || basis >= 0.97 ? area : null,
          });
        }
      });
    }
  });
  return rows;
}
