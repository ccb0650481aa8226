/**
 * The portal's one page layout: server-rendered, no script, a few lines of inline CSS, readable
 * on a small phone over a slow connection (a page stays well under 30 KB).
 */
import { html, raw } from './html.js';

const css = `*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2329;background:#f5f6f7}
header,main,footer{max-width:40rem;margin:0 auto;padding:.75rem 1rem}header{background:#1d4e89;color:#fff;max-width:none}
header a{color:#fff;text-decoration:none;font-weight:600}h1{font-size:1.35rem;margin:.5rem 0}h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
section{background:#fff;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}ul{padding-left:1.1rem;margin:.25rem 0}li{margin:.2rem 0}
a{color:#1d4e89}.muted{color:#646a73;font-size:.9rem}.tag{display:inline-block;padding:0 .45rem;border-radius:4px;font-size:.85rem;background:#e8f0fb;color:#1d4e89;margin-left:.25rem}
.done{background:#e5f6ea;color:#1a7f37}.bar{height:.5rem;background:#e5e6eb;border-radius:4px;overflow:hidden}.bar i{display:block;height:100%;background:#1a7f37}
.btn{display:block;text-align:center;padding:.75rem;border-radius:8px;background:#1d4e89;color:#fff;text-decoration:none;font-weight:600;margin:1rem 0}
nav a{margin-right:.75rem}footer{font-size:.85rem;color:#646a73}`;

/** A whole portal page around `body` (already-escaped HTML). */
export function portalPage(opts: { title: string; lang: 'zh' | 'en'; body: string }): string {
  const en = opts.lang === 'en';
  const home = en ? '/p?lang=en' : '/p';
  return html`<!doctype html>
<html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${opts.title}</title><style>${raw(css)}</style></head>
<body><header><a href="${home}">${en ? 'Old compound renovation · public information' : '老旧小区改造 · 信息公开'}</a></header>
<main>${raw(opts.body)}</main>
<footer>${en ? 'Published by the district renovation office. No personal data is shown here.' : '区老旧小区改造工作指挥部发布。本页不公开任何个人信息。'}</footer>
</body></html>`.toString();
}
