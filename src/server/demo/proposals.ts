/**
 * CPPCC proposals: No. 384 of the 1st session of the 13th Kaifeng CPPCC by member 闫绍奇,
 * answered by the district government's letter 汴顺政〔2023〕47号 (grade B, consent to publish),
 * signed — its reply drafted from the template below, the letter's text with its figures as
 * placeholders filled from the demo district's data; and a few more at other steps (registered,
 * assigned with one co-handling input owed, drafted, overdue). The other proposals are invented.
 */
import { eq, inArray } from 'drizzle-orm';
import { districtToday } from '../../domain/ledger.js';
import { addDays, addMonths, deadlineOf, replyTitle } from '../../domain/proposals.js';
import type { Db, Tx } from '../db/client.js';
import { proposalCoUnits, proposalReplies, proposals, proposalTemplates, units } from '../db/schema.js';
import { fillFromSummary } from '../modules/proposals/queries.js';
import type { Principal } from '../platform/context.js';
import type { DemoLoaded } from './load.js';

const districtCode = '410203';
const government = '开封市顺河回族区人民政府';

/**
 * The seed letter's body. Every figure the summary holds is a placeholder — among them the 8
 * subdistricts, the 354 resident supervisors, the 8 mandatory items (the catalogue's), the 71 rooms
 * and stations, the 4 shops cum service points and the 8,600 facilities (the facilities registry's,
 * 2019–2022; "8600余个" rounded down to the hundred).
 */
export const seedTemplateBody = `城镇老旧小区改造关系到人民群众的根本利益，是实实在在的重大民生工程和发展工程，对满足人民群众美好生活需要、推动惠民生扩内需、推进城市更新和开发建设方式转型、促进经济高质量发展具有十分重要的意义。

顺河回族区是开封老城区，是全国五个少数民族城区之一，全辖区共有小区{{compounds}}个，其中：{{oldCutoffYear}}年前建成小区{{oldCompounds}}个，占全区小区总量的{{oldShare}}%，占全市老旧小区总量的{{shareOfCityOld}}%。街老、院老、房老、设施老、环境差、管理差、服务差，这“四老三差”成为群众的操心事、烦心事、揪心事，也是基层社会治理的一大“心病”。从2019年起，顺河回族区抢抓党中央、国务院关于城市更新和城镇老旧小区改造的重大历史机遇，积极贯彻落实省委、省政府和市委、市政府的相关决策部署，始终坚持党建引领，以铸牢中华民族共同体意识为主线，以创建全国民族团结进步示范区为契机，始终突出问题导向，走好新时代党的群众路线，坚持顺应群众期盼、尊重群众意愿、满足群众需求，以真抓实干的行动持续保障和改善民生，努力让群众看到变化、得到实惠，满足人民群众美好生活需要。2019年至2022年的四年间，共计完成改造老旧小区{{renovatedCompounds|2019-2022}}个，改造楼栋{{buildings|2019-2022}}个、面积超{{floorArea|2019-2022|万取整}}万m²，惠及居民{{households|2019-2022|万}}万余户、{{residents|2019-2022|万}}万多人。2021年12月，在住建部“我为群众办实事”实践活动全国城镇老旧小区改造项目经验交流视频会上，顺河回族区代表河南省作典型发言。

# 凝聚推进力量，充分组织发动。

着力形成主要领导亲自抓、职能部门靠前抓、党员干部一线抓、社会各界共同抓的工作机制。

## 强化组织领导。

成立全区党建引领城市有机更新暨老旧小区改造指挥部，区委书记、区长担任双组长，抽调组织、住建、民政等{{departments}}个部门精干力量，设立党建、规划、工程、拆违、资金整合、“生活圈”配套、征储、法治、智治等{{taskForces}}个专班，分工协作、合力推进，定期召开工作推进会、现场办公会，集中研判、商定措施、解决疑难。

## 实行分包推动。

区委常委担任{{subdistricts}}个街道党工委“第一书记”，统领推进各街道辖区旧改项目。每个旧改项目，坚持“一名县级干部联系，一名科级干部分包，一个临时党组织引领，一个工作组推进，一本台账督办”，全区{{units}}个区直单位的{{cadres|取整十}}多名党员干部下沉到改造一线，做到全员上阵、尽锐出战、强力推进。

## 整合多方力量。

发挥区、街道、社区三级党建共建联席会作用，辐射带动{{coBuildingUnits}}家共建单位共同推进。整合区直单位、共建单位、街道、社区、小区、施工单位、物业公司等党员力量，在旧改一线建立临时党组织{{tempPartyOrgs}}个、组建党员突击队{{commandoTeams}}支、设立党员先锋岗{{vanguardPosts}}个，充分发挥基层党组织战斗堡垒作用和党员先锋模范作用，推动旧改稳而有序。

# 严把工程质量，夯实责任落实。

压实主体责任，搭建起群众与政府、施工方之间的“连心桥”，统筹推进工程进度。

## 分区分片分包。

进场施工前，组织专人按照分包区域，开展工程质量全程跟踪，重点对老旧小区改造项目工程质量、存在问题等情况进行全面监督。

## 严抓工程质量。

落实工程质量全过程管理、施工企业招投标、工程主要材料检测、现场质量监管和工程竣工验收“五关”，切实将老旧小区改造工程打造成群众满意的民心工程、放心工程。

## 加大巡查力度。

对重点部位重要工序加大抽查抽测频率，及时排除质量安全隐患。监理单位加强施工现场质量安全监管，做好隐蔽工程及其他中间环节的验收；竣工后，组织街道、社区、以及业主单位、设计、施工、监理等有关单位共同进行竣工验收。

# 坚持群众观点，践行群众路线。

着力激发群众内生动力，增强群众主人翁意识，“改”到群众心坎里，“造”就居民幸福感。

## 做好拆违治乱。

对违建问题开展“拉网式”排查，反复核实面积，全面摸清底数。组织党员干部包楼栋、包单元、包住户，分包到户、责任到人，做足做细群众思想工作，争取配合支持。发动党员带头拆，带动群众主动拆，做到公平公正、一拆到底、即拆即清，共拆违{{illegalStructuresRemoved}}处、{{illegalAreaRemoved|万}}万m²，群众自拆率达到{{selfRemovalRate}}%，充分释放被挤占的公共空间，为旧改打好基础。

## 尊重群众意愿。

坚持“一小区一策、一楼院一策、一栋一策”广泛建立旧改议事会，针对“改不改”“改什么”“怎么改”，按照“一征三议两公开”工作法，充分征集民意，最大限度吸纳合理诉求，形成最优总体方案。选聘{{residentSupervisors}}名党员群众代表担任旧改监督员，配合市、区两级督导组和改造监理单位，动态联系现场工程师、设计师，全程参与、全程监督，保证改造质量。

## 提升功能品质。

做好下水改造、硬化路面、立面整治、楼道修补、完善照明、整体绿化、整修车棚、规范及增设停车位等{{mandatoryItems}}项必改项目，根据各小区实际和群众需求完成口袋公园、充电桩等若干提升工程，新建小区党群活动室、居家养老服务站等{{activityRooms|2019-2022}}座，建成“放心蔬菜进社区”示范店暨“政务服务进小区”代办点{{serviceShops|2019-2022}}处，累计新增或改善便民服务设施{{facilities|2019-2022|取整百}}余个，补齐旧改小区功能短板，提升群众生活品质。

最后感谢委员您对我区老旧小区改造工作的支持与关心，希望我们的答复能让您满意。`;

const briefTemplateBody = `您提出的提案收悉，现答复如下：

2019年至2022年，我区共完成改造老旧小区{{renovatedCompounds|2019-2022}}个，惠及居民{{households|2019-2022|万}}万余户；共拆除违法建设{{illegalStructuresRemoved}}处，群众自拆率{{selfRemovalRate}}%。

下一步，我们将认真研究您提出的意见建议，结合年度改造计划逐项推进落实。

感谢您对我区老旧小区改造工作的关心和支持。`;

const intro = (title: string) => `您提出的关于“${title}”的提案收悉，现答复如下：\n\n`;

/** The one who looks the figures up for the demo: district-wide, as the seed is. */
const seedPrincipal: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'seed',
  displayName: 'seed',
  role: 'hq',
  scopeRegions: [],
  prefixes: null,
  sessionId: 'seed',
  csrfToken: 'seed',
};

export async function loadDemoProposals(tx: Tx, loaded: DemoLoaded): Promise<void> {
  const db = tx as unknown as Db;
  const today = districtToday();
  const unitNames = ['区政府办公室', '区住房和城乡建设局', '区城市管理局', '区民政局'];
  const found = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.name, unitNames));
  const unit = (name: string) => {
    const u = found.find((f) => f.name === name);
    if (!u) throw new Error(`demo unit missing: ${name}`);
    return u.id;
  };
  const [seedTemplate, brief] = await tx
    .insert(proposalTemplates)
    .values([
      { name: '老旧小区改造工作情况答复（2019—2022年）', body: seedTemplateBody, isDemo: true },
      { name: '简要答复', body: briefTemplateBody, isDemo: true },
    ])
    .returning();
  if (!seedTemplate || !brief) throw new Error('insert returned nothing');

  const session = { committee: '市政协', session: '十三届一次会议', kind: 'proposal' as const };
  const title384 = '关于进一步扎实推进我市老旧小区改造工作的提案';
  const rows = await tx
    .insert(proposals)
    .values([
      {
        ...session,
        number: 384,
        title: title384,
        members: ['闫绍奇'],
        body: '建议进一步扎实推进我市老旧小区改造工作，坚持党建引领，尊重群众意愿，严把工程质量，补齐功能短板。',
        receivedOn: '2023-02-20',
        status: 'signed' as const,
        leadUnitId: unit('区政府办公室'),
        assignedOn: '2023-03-05',
        deadline: deadlineOf('2023-03-05'),
        grade: 'B',
        consentToPublish: true,
        regionCode: districtCode,
        isDemo: true,
      },
      {
        ...session,
        number: 112,
        title: '关于老旧小区加装电梯的提案',
        members: ['李文华', '赵敏'],
        body: '建议对具备条件的老旧小区统筹推进加装电梯。',
        receivedOn: addDays(today, -5),
        regionCode: districtCode,
        isDemo: true,
      },
      {
        ...session,
        number: 205,
        title: '关于完善老旧小区停车设施的提案',
        members: ['孙建国'],
        body: '建议结合老旧小区改造规范及增设停车位、充电桩。',
        receivedOn: addDays(today, -30),
        status: 'assigned' as const,
        leadUnitId: unit('区住房和城乡建设局'),
        assignedOn: addDays(today, -20),
        deadline: deadlineOf(addDays(today, -20)),
        regionCode: districtCode,
        isDemo: true,
      },
      {
        ...session,
        number: 271,
        title: '关于在老旧小区改造中加强居民议事协商的提案',
        members: ['周丽'],
        body: '建议推广“一征三议两公开”工作法。',
        receivedOn: addDays(today, -60),
        status: 'drafted' as const,
        leadUnitId: unit('区民政局'),
        assignedOn: addDays(today, -50),
        deadline: deadlineOf(addDays(today, -50)),
        regionCode: districtCode,
        isDemo: true,
      },
      {
        ...session,
        kind: 'suggestion' as const,
        number: 318,
        title: '关于老旧小区改造后长效管理的建议',
        members: ['王强'],
        body: '建议建立改造后物业管理长效机制。',
        receivedOn: addMonths(today, -5),
        status: 'assigned' as const,
        leadUnitId: unit('区城市管理局'),
        assignedOn: addMonths(today, -4),
        deadline: deadlineOf(addMonths(today, -4)),
        regionCode: districtCode,
        isDemo: true,
      },
    ])
    .returning();
  const byNumber = (n: number) => {
    const p = rows.find((r) => r.number === n);
    if (!p) throw new Error(`demo proposal missing: ${n}`);
    return p;
  };
  const p384 = byNumber(384);
  const p205 = byNumber(205);
  const p271 = byNumber(271);
  await tx.insert(proposalCoUnits).values([
    {
      proposalId: p384.id,
      unitId: unit('区住房和城乡建设局'),
      input: '2019—2022年改造项目、楼栋、面积及惠及户数情况已报送。',
      inputOn: '2023-04-10',
    },
    {
      proposalId: p384.id,
      unitId: unit('区城市管理局'),
      input: '拆违治乱数量、面积及自拆率情况已报送。',
      inputOn: '2023-04-12',
    },
    {
      proposalId: p205.id,
      unitId: unit('区城市管理局'),
      input: '已梳理各街道停车位缺口，建议结合改造项目统筹增设。',
      inputOn: addDays(today, -3),
    },
    { proposalId: p205.id, unitId: unit('区民政局') },
  ]);

  // The letters' values come from the data just loaded, as drafting fills them.
  const seedFill = await fillFromSummary(db, seedPrincipal, seedTemplateBody, districtCode);
  const briefFill = await fillFromSummary(db, seedPrincipal, briefTemplateBody, districtCode);
  if (seedFill.unknown.length + briefFill.unknown.length > 0)
    throw new Error(`demo templates: unknown placeholders ${[...seedFill.unknown, ...briefFill.unknown]}`);
  const signedAt = new Date('2023-06-05T02:00:00Z');
  await tx.insert(proposalReplies).values([
    {
      proposalId: p384.id,
      round: 1,
      templateId: seedTemplate.id,
      documentNumber: '汴顺政〔2023〕47号',
      title: replyTitle(p384),
      salutation: '闫绍奇委员：',
      body: intro(title384) + seedTemplateBody,
      values: seedFill.values,
      grade: 'B',
      issuer: government,
      signatory: '王荟',
      contactUnit: government,
      contactPhone: '0371-25322640',
      copyTo: ['市政府督查局', '市政协提案委（3份）'],
      draftedAt: new Date('2023-05-20T02:00:00Z'),
      reviewedAt: new Date('2023-05-30T02:00:00Z'),
      signedByName: '王荟',
      signedAt,
      signedOn: '2023-06-05',
    },
    {
      proposalId: p271.id,
      round: 1,
      templateId: brief.id,
      title: replyTitle(p271),
      salutation: '周丽委员：',
      body: briefTemplateBody,
      values: briefFill.values,
      grade: 'B',
      issuer: government,
      contactUnit: '区民政局',
      copyTo: ['市政府督查局', '市政协提案委'],
    },
  ]);
  await tx.update(proposals).set({ grade: 'B' }).where(eq(proposals.id, p271.id));
  loaded.counts.proposals = rows.length;
}
