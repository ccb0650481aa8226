/**
 * The resident's pages, written on the server (no script): the opinion form of a compound, the
 * page that shows a new receipt code once, and the receipt page with the answer. Every value a
 * person typed goes through `html`, so script in it is shown as text.
 */
import { type OpinionChallenge, opinionLimits, type PublicOpinion } from '../../../contract/opinions.js';
import type { OpinionStatus } from '../../../domain/opinions.js';
import { html, raw } from '../portal/html.js';
import { portalPage } from '../portal/layout.js';

export const statusNames: Record<OpinionStatus, string> = {
  received: '已收到，待答复',
  answered: '已答复',
  ticket: '已转施工单位整改',
  ledger: '已列入督办事项',
  closed: '已办结',
};

/** What the form was sent with, to show it again beside its problems. */
export interface FormValues {
  category?: string;
  text?: string;
  contact?: string;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).replace(/\//g, '-');

export function formPage(opts: {
  compoundId: string;
  compoundName: string;
  categories: string[];
  challenge: OpinionChallenge;
  values?: FormValues;
  errors?: Record<string, string>;
}): string {
  const { values = {}, errors = {} } = opts;
  const problem = (field: string) =>
    errors[field] ? html`<p class="error" id="${field}-error">${errors[field]}</p>` : '';
  const others = Object.entries(errors).filter(
    ([f]) => !['category', 'text', 'contact', 'answer', 'photo'].includes(f),
  );
  const body = html`<div class="card">
<h1>${opts.compoundName} · 意见建议与投诉</h1>
<p class="hint">您的意见将转给负责该小区改造的街道和社区，答复可凭提交后获得的回执码查询。无需登录。</p>
${others.map(([, text]) => html`<p class="error">${text}</p>`)}
<form method="post" action="/p/c/${opts.compoundId}/opinion" enctype="multipart/form-data">
<label for="category">类别</label>
<select id="category" name="category" required>
${opts.categories.map((c) => html`<option value="${c}"${c === values.category ? raw(' selected') : ''}>${c}</option>`)}
</select>${problem('category')}
<label for="text">意见内容</label>
<textarea id="text" name="text" required maxlength="${opinionLimits.text.max}">${values.text ?? ''}</textarea>${problem('text')}
<label for="photo">照片（可选，JPEG、PNG 或 WebP）</label>
<input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp">${problem('photo')}
<label for="contact">联系方式（可选，仅工作人员可见，不会公开）</label>
<input id="contact" name="contact" maxlength="${opinionLimits.contact.max}" value="${values.contact ?? ''}" autocomplete="tel">${problem('contact')}
<label for="answer">验证题：${opts.challenge.question}</label>
<input id="answer" name="answer" inputmode="numeric" required autocomplete="off">${problem('answer')}
<input type="hidden" name="challenge" value="${opts.challenge.token}">
<button type="submit">提交意见</button>
</form>
</div>
<div class="card"><h2>查询答复</h2>
<form method="get" action="/p/r"><label for="code">回执码</label><input id="code" name="code" autocomplete="off"><button type="submit">查询</button></form>
</div>`;
  return portalPage({ title: `${opts.compoundName} · 意见建议`, lang: 'zh', body: String(body) });
}

/** The receipt code, shown this once: the sender keeps it to read the answer. */
export function sentPage(receipt: string): string {
  const body = html`<div class="card">
<h1>意见已提交</h1>
<p>请记下您的回执码（仅显示这一次，工作人员也无法找回）：</p>
<p class="code" id="receipt">${receipt}</p>
<p class="hint">凭回执码可随时查看处理情况和答复：</p>
<p><a href="/p/r/${receipt}" id="receipt-link">查看处理情况</a></p>
</div>`;
  return portalPage({ title: '意见已提交', lang: 'zh', body: String(body) });
}

/** One opinion as its receipt shows it: never the contact or anyone else's opinion. */
export function receiptPage(opinion: PublicOpinion): string {
  const body = html`<div class="card">
<h1>${opinion.compoundName} · 意见处理情况</h1>
<p><strong>类别：</strong>${opinion.category}</p>
<p><strong>提交时间：</strong>${when(opinion.createdAt)}</p>
<p><strong>状态：</strong><span id="status">${statusNames[opinion.status]}</span></p>
<h2>意见内容</h2>
<p class="text" id="opinion-text">${opinion.text}</p>
<h2>答复</h2>
${
  opinion.answer
    ? html`<p class="text" id="answer">${opinion.answer}</p><p class="hint">答复时间：${opinion.answeredAt ? when(opinion.answeredAt) : ''}</p>`
    : html`<p class="hint" id="answer">尚未答复，请稍后再查看。</p>`
}
</div>`;
  return portalPage({ title: '意见处理情况', lang: 'zh', body: String(body) });
}

/** A short page saying what went wrong (not found, too many, too large). */
export function messagePage(title: string, text: string): string {
  return portalPage({
    title,
    lang: 'zh',
    body: String(html`<div class="card"><h1>${title}</h1><p>${text}</p></div>`),
  });
}
