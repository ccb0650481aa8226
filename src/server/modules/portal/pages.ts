/**
 * The portal's pages as HTML: the district's list and a compound's page, from the same public
 * record the JSON API answers (so a page can show nothing the API does not).
 */
import type { PublicCompound, PublicCompoundRow, publicListStatuses } from '../../../contract/portal.js';
import type { CompoundStatus, ProjectStatus } from '../../../domain/inventory.js';
import type { Page } from '../../platform/sql.js';
import { type Html, html } from './html.js';
import { portalPage } from './layout.js';

export type PortalLang = 'zh' | 'en';

const words = {
  zh: {
    district: '老旧小区改造项目',
    underWay: '正在改造',
    completed: '已完成',
    all: '全部',
    allSubdistricts: '全部街道',
    none: '暂无符合条件的小区。',
    prev: '上一页',
    next: '下一页',
    pageOf: (p: number, n: number, exact: boolean) => (exact ? `第 ${p} / ${n} 页` : `第 ${p} 页`),
    count: (n: number, exact: boolean) => `共 ${n}${exact ? '' : '+'} 个小区`,
    year: (y: number) => `${y}年度`,
    builtIn: (y: number) => `建成于${y}年`,
    buildings: (n: number) => `${n}栋楼`,
    households: (n: number) => `${n}户`,
    plan: '改造内容',
    progress: '进度',
    itemsDone: (p: number) => `改造内容完成 ${p}%`,
    noItems: '改造内容尚未确定。',
    accepted: (d: string) => `${d} 通过竣工验收`,
    resolutions: '居民决议与公开',
    noResolution: '居民决议尚未公开。',
    attendance: (n: number) => `到会 ${n} 人`,
    passed: '通过',
    failed: '未通过',
    contact: '联系我们',
    noContact: '请联系所在社区居委会。',
    noPhone: '（暂无办公电话）',
    opinion: '提意见',
    demo: '示例数据',
    lang: 'English',
    mandatory: '必改',
  },
  en: {
    district: 'Old compound renovation',
    underWay: 'Under way',
    completed: 'Completed',
    all: 'All',
    allSubdistricts: 'All subdistricts',
    none: 'No compound matches.',
    prev: 'Previous',
    next: 'Next',
    pageOf: (p: number, n: number, exact: boolean) => (exact ? `Page ${p} of ${n}` : `Page ${p}`),
    count: (n: number, exact: boolean) => `${n}${exact ? '' : '+'} compounds`,
    year: (y: number) => `${y} programme`,
    builtIn: (y: number) => `built ${y}`,
    buildings: (n: number) => `${n} buildings`,
    households: (n: number) => `${n} households`,
    plan: 'What is being done',
    progress: 'Progress',
    itemsDone: (p: number) => `${p}% of the items done`,
    noItems: 'The items are not decided yet.',
    accepted: (d: string) => `Completion accepted on ${d}`,
    resolutions: "Residents' resolution and disclosures",
    noResolution: "The residents' resolution has not been disclosed yet.",
    attendance: (n: number) => `${n} attended`,
    passed: 'passed',
    failed: 'not passed',
    contact: 'Contact',
    noContact: "Please contact your community residents' committee.",
    noPhone: '(no office phone yet)',
    opinion: 'Give an opinion',
    demo: 'demo data',
    lang: '中文',
    mandatory: 'mandatory',
  },
} as const;

const projectStatusWords: Record<PortalLang, Record<ProjectStatus, string>> = {
  zh: {
    planned: '已列入计划',
    consulting: '征求居民意见',
    designed: '设计完成',
    tendered: '招标完成',
    under_construction: '施工中',
    accepted: '已竣工验收',
    handed_over: '已移交',
  },
  en: {
    planned: 'Planned',
    consulting: 'Consulting residents',
    designed: 'Designed',
    tendered: 'Tendered',
    under_construction: 'Under construction',
    accepted: 'Accepted',
    handed_over: 'Handed over',
  },
};

const compoundStatusWords: Record<PortalLang, Record<CompoundStatus, string>> = {
  zh: { not_planned: '未列入计划', planned: '计划改造', in_progress: '改造中', renovated: '已完成改造' },
  en: {
    not_planned: 'Not planned',
    planned: 'Planned',
    in_progress: 'Under renovation',
    renovated: 'Renovated',
  },
};

const itemStatusWords: Record<PortalLang, Record<'planned' | 'in_progress' | 'done', string>> = {
  zh: { planned: '待实施', in_progress: '实施中', done: '已完成' },
  en: { planned: 'to do', in_progress: 'in progress', done: 'done' },
};

/** A portal link keeping the language (and the other query values given). */
export function portalHref(
  path: string,
  lang: PortalLang,
  query: Record<string, string | number | undefined> = {},
) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  if (lang === 'en') params.set('lang', 'en');
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

const statusTag = (status: CompoundStatus, lang: PortalLang) =>
  html`<span class="tag${status === 'renovated' ? ' done' : ''}">${compoundStatusWords[lang][status]}</span>`;

export interface DistrictView {
  lang: PortalLang;
  status: (typeof publicListStatuses)[number];
  region: string | undefined;
  subdistricts: { code: string; name: string }[];
  page: Page<PublicCompoundRow>;
}

/** The district's list of compounds, grouped by subdistrict, with filters as plain links. */
export function districtPage(view: DistrictView): string {
  const { lang, status, region, page } = view;
  const w = words[lang];
  const link = (q: Record<string, string | number | undefined>) =>
    portalHref('/p', lang, { status: view.status === 'under_way' ? undefined : view.status, region, ...q });
  const statusLinks = (['under_way', 'completed', 'all'] as const).map((s) =>
    s === status
      ? html`<strong>${w[s === 'under_way' ? 'underWay' : s]}</strong> `
      : html`<a href="${link({ status: s === 'under_way' ? undefined : s, page: undefined })}">${w[s === 'under_way' ? 'underWay' : s]}</a> `,
  );
  const regionLinks = [
    region
      ? html`<a href="${link({ region: undefined, page: undefined })}">${w.allSubdistricts}</a> `
      : html`<strong>${w.allSubdistricts}</strong> `,
    ...view.subdistricts.map((s) =>
      s.code === region
        ? html`<strong>${s.name}</strong> `
        : html`<a href="${link({ region: s.code, page: undefined })}">${s.name}</a> `,
    ),
  ];
  const groups: { name: string; rows: PublicCompoundRow[] }[] = [];
  for (const row of page.items) {
    const last = groups.at(-1);
    if (last && last.name === row.subdistrictName) last.rows.push(row);
    else groups.push({ name: row.subdistrictName, rows: [row] });
  }
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const body = html`<h1>${w.district}</h1>
<nav>${statusLinks}</nav><nav class="muted">${regionLinks}</nav>
<p class="muted">${w.count(page.total, page.totalExact)} · <a href="${portalHref('/p', lang === 'en' ? 'zh' : 'en', { status: status === 'under_way' ? undefined : status, region })}">${w.lang}</a></p>
${
  groups.length === 0
    ? html`<section><p>${w.none}</p></section>`
    : groups.map(
        (g) =>
          html`<section><h2>${g.name}</h2><ul>${g.rows.map(
            (r) =>
              html`<li><a href="${portalHref(`/p/c/${r.id}`, lang)}">${r.name}</a>${statusTag(r.status, lang)}<br><span class="muted">${r.communityName ? html`${r.communityName} · ` : ''}${w.year(r.year)} · ${projectStatusWords[lang][r.projectStatus]}</span></li>`,
          )}</ul></section>`,
      )
}
${
  pages > 1
    ? html`<nav>${page.page > 1 ? html`<a href="${link({ page: page.page - 1 })}">${w.prev}</a>` : ''}<span class="muted">${w.pageOf(page.page, pages, page.totalExact)}</span>${page.page < pages ? html` <a href="${link({ page: page.page + 1 })}">${w.next}</a>` : ''}</nav>`
    : ''
}`;
  return portalPage({ title: w.district, lang, body: body.toString() });
}

/** A compound's page: plan and items, progress, results, the disclosed resolution, whom to contact. */
export function compoundPage(c: PublicCompound, lang: PortalLang): string {
  const w = words[lang];
  const facts = [
    c.communityName ? `${c.subdistrictName} · ${c.communityName}` : c.subdistrictName,
    c.buildYear ? w.builtIn(c.buildYear) : null,
    c.buildingCount ? w.buildings(c.buildingCount) : null,
    c.householdCount ? w.households(c.householdCount) : null,
  ].filter((f): f is string => f !== null);
  const projects: Html[] = c.projects.map(
    (p) => html`<section><h2>${w.year(p.year)} · ${projectStatusWords[lang][p.status]}</h2>
${
  p.percentDone !== null
    ? html`<p>${w.progress}: ${w.itemsDone(p.percentDone)}</p><div class="bar"><i style="width:${Math.round(p.percentDone)}%"></i></div>`
    : ''
}
${p.acceptedOn ? html`<p><span class="tag done">${w.accepted(p.acceptedOn)}</span></p>` : ''}
<h2>${w.plan}</h2>
${
  p.items.length === 0
    ? html`<p class="muted">${w.noItems}</p>`
    : html`<ul>${p.items.map(
        (i) =>
          html`<li>${i.name}${i.mandatory ? html`<span class="tag">${w.mandatory}</span>` : ''} <span class="muted">${itemStatusWords[lang][i.status]}${i.status === 'in_progress' ? ` ${i.progress}%` : ''}</span></li>`,
      )}</ul>`
}</section>`,
  );
  const resolutions =
    c.resolutions.length === 0
      ? html`<p class="muted">${w.noResolution}</p>`
      : c.resolutions.map(
          (
            r,
          ) => html`<div><p><strong>${r.meeting}</strong> ${r.on} · ${r.outcome === 'passed' ? w.passed : w.failed}${r.attendance !== null ? html` · ${w.attendance(r.attendance)}` : ''}</p>
${r.note ? html`<p>${r.note}</p>` : ''}
<ul>${r.disclosures.map(
            (d) =>
              html`<li>${d.name} ${d.on}${d.published ? html`：${d.published}` : ''}${d.place ? html` <span class="muted">（${d.place}）</span>` : ''}</li>`,
          )}</ul></div>`,
        );
  const contact = c.contact
    ? html`<p>${c.contact.name}<br>${c.contact.phone ? html`<a href="tel:${c.contact.phone.replace(/[^\d+]/g, '')}">${c.contact.phone}</a>` : html`<span class="muted">${w.noPhone}</span>`}</p>`
    : html`<p class="muted">${w.noContact}</p>`;
  const body = html`<h1>${c.name}${statusTag(c.status, lang)}${c.isDemo ? html`<span class="tag">${w.demo}</span>` : ''}</h1>
<p class="muted">${facts.join(' · ')}${c.address ? html`<br>${c.address}` : ''} · <a href="${portalHref(`/p/c/${c.id}`, lang === 'en' ? 'zh' : 'en')}">${w.lang}</a></p>
${projects}
<section><h2>${w.resolutions}</h2>${resolutions}</section>
<section><h2>${w.contact}</h2>${contact}</section>
<!-- opinions: the opinion form and receipts live at /p/c/:id/opinion (the opinions area) -->
<a class="btn" href="${portalHref(`/p/c/${c.id}/opinion`, lang)}">${w.opinion}</a>`;
  return portalPage({ title: c.name, lang, body: body.toString() });
}

/** The page for a compound that is not there (or not public). */
export function notFoundPage(lang: PortalLang): string {
  const body =
    lang === 'en'
      ? html`<h1>Not found</h1><p>No such compound. <a href="/p?lang=en">All compounds</a></p>`
      : html`<h1>未找到</h1><p>没有这个小区的公开信息。<a href="/p">查看全部小区</a></p>`;
  return portalPage({ title: lang === 'en' ? 'Not found' : '未找到', lang, body: body.toString() });
}
