/**
 * The demo district's published figures, in one place. Sources: the reply letter 汴顺政〔2023〕47号
 * (../shared/seed). Where the letter rounds ("over 2.83 million m²", "over 42,000 households"),
 * the exact value chosen sits just above its rounded figure; tests assert the letter's figures
 * against the statistics computed from the generated records, never against these constants.
 */
export const demoFigures = {
  /** 全区共有住宅小区 212 个 */
  compounds: 212,
  /** 其中 2005 年以前建成的老旧小区 188 个，占 88.7% */
  oldCompounds: 188,
  oldCutoffYear: 2005,
  /** 188 个占全市老旧小区的 16.4%: the city's old compounds, 188 ÷ 1,146 = 16.40% */
  cityOldCompounds: 1146,
  /** 2019—2022 年累计改造 135 个小区，split by year (invented split, exact total). */
  renovatedByYear: { 2019: 30, 2020: 36, 2021: 35, 2022: 34 } as Record<number, number>,
  /** 涉及楼栋 1203 栋 */
  renovatedBuildings: 1203,
  /** 面积 283 万余平方米 */
  renovatedFloorArea: 2_834_616.5,
  /** 4.2 万余户 */
  renovatedHouseholds: 42_186,
  /** 11.5 万余人 */
  renovatedResidents: 115_472,
  /** 拆除违法建设 4091 处 */
  illegalRemoved: 4091,
  /** 13.6 万平方米: the verified area removed, the exact value chosen just above */
  illegalRemovedArea: 136_042.6,
  /** 群众自拆率达 68%: 2,782 of 4,091 = 68.0% */
  illegalSelfRemoved: 2782,
  /** Structures identified and still under persuasion (invented, the 2023 survey). */
  illegalOutstanding: 160,
  /** 旧改监督员 354 名 */
  residentSupervisors: 354,
  /** 新建小区党群活动室、居家养老服务站等 71 座 */
  activityRooms: 71,
  /** “放心蔬菜进社区”示范店暨“政务服务进小区”代办点 4 处 */
  serviceShops: 4,
  /** 累计新增或改善便民服务设施 8600 余个: the exact value chosen just above */
  facilities: 8634,
} as const;

/** Kaifeng's other districts and counties, held as counts only (invented, labelled demo). */
export const otherCityDistricts = [
  { code: '410202', name: '龙亭区', level: 'district', compounds: 260, oldCompounds: 236 },
  { code: '410204', name: '鼓楼区', level: 'district', compounds: 221, oldCompounds: 198 },
  { code: '410205', name: '禹王台区', level: 'district', compounds: 176, oldCompounds: 152 },
  { code: '410212', name: '祥符区', level: 'district', compounds: 160, oldCompounds: 118 },
  { code: '410221', name: '杞县', level: 'county', compounds: 95, oldCompounds: 62 },
  { code: '410222', name: '通许县', level: 'county', compounds: 70, oldCompounds: 48 },
  { code: '410223', name: '尉氏县', level: 'county', compounds: 103, oldCompounds: 71 },
  { code: '410225', name: '兰考县', level: 'county', compounds: 112, oldCompounds: 73 },
] as const;

/**
 * Compounds per township-level unit (adds up to 212) and its communities. Community names from
 * the seed's glossary are real; the others are invented and carry "（示例）".
 */
export const demoSubdistricts = [
  {
    code: '410203001',
    compounds: 34,
    old: 32,
    center: [114.352, 34.797],
    communities: ['东大寺', '文殊寺', '学院门'],
  },
  {
    code: '410203002',
    compounds: 38,
    old: 36,
    center: [114.356, 34.812],
    communities: ['延寿寺', '东棚板', '北门', '北西后'],
  },
  {
    code: '410203003',
    compounds: 30,
    old: 28,
    center: [114.366, 34.801],
    communities: ['曹门一（示例）', '曹门二（示例）'],
  },
  {
    code: '410203004',
    compounds: 32,
    old: 30,
    center: [114.372, 34.792],
    communities: ['宋门一（示例）', '宋门二（示例）'],
  },
  {
    code: '410203005',
    compounds: 28,
    old: 25,
    center: [114.382, 34.806],
    communities: ['工业一（示例）', '工业二（示例）'],
  },
  {
    code: '410203006',
    compounds: 26,
    old: 22,
    center: [114.364, 34.783],
    communities: ['苹果园一（示例）', '苹果园二（示例）'],
  },
  { code: '410203200', compounds: 14, old: 9, center: [114.398, 34.795], communities: ['东郊（示例）'] },
  { code: '410203201', compounds: 10, old: 6, center: [114.392, 34.818], communities: ['土柏岗（示例）'] },
] as const;

/** Compounds whose household registers are loaded (for votes and masking), by index within the old ones. */
export const registeredCompoundCount = 3;

/** The command structure and the party bodies the letter counts (汴顺政〔2023〕47号). */
export const organisationFigures = {
  /** 9 个工作专班 */
  taskForces: [
    ['party', '党建引领专班'],
    ['planning', '规划设计专班'],
    ['engineering', '工程建设专班'],
    ['demolition', '拆违治乱专班'],
    ['funding', '资金整合专班'],
    ['living_circle', '生活圈配套专班'],
    ['expropriation', '征收储备专班'],
    ['rule_of_law', '法治保障专班'],
    ['smart', '智慧治理专班'],
  ] as const,
  /** 抽调 18 个部门 */
  pooledDepartments: 18,
  /** 58 个区直单位 */
  units: 58,
  /** 860 余名党员干部: the exact value chosen just above */
  cadres: 864,
  /** 临时党组织 95 个、党员突击队 127 支、党员先锋岗 248 个、共建单位 627 个 */
  tempPartyOrgs: 95,
  commandoTeams: 127,
  vanguardPosts: 248,
  coBuildingUnits: 627,
} as const;
