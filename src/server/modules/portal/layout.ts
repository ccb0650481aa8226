/**
 * The public portal's page: small, server-rendered, readable without JavaScript on a slow phone
 * connection. `body` is markup already escaped (built with `html`).
 */
import { html, raw } from './html.js';

const style = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f5f5}
header{background:#b71c1c;color:#fff;padding:12px 16px}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:720px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px}
h1{font-size:1.3em;margin:0 0 12px}h2{font-size:1.1em}
label{display:block;font-weight:600;margin:12px 0 4px}
input,select,textarea{width:100%;font:inherit;padding:8px;border:1px solid #bbb;border-radius:6px;background:#fff}
textarea{min-height:8em}
button{margin-top:16px;width:100%;font:inherit;font-weight:600;padding:12px;border:0;border-radius:6px;background:#b71c1c;color:#fff}
.hint{color:#666;font-size:.9em}.error{color:#b71c1c;font-weight:600}
.code{font:600 1.25em/1.4 ui-monospace,monospace;letter-spacing:.05em;word-break:break-all;background:#fff8e1;padding:12px;border-radius:6px}
.text{white-space:pre-wrap;word-break:break-word}
footer{color:#888;font-size:.85em;text-align:center;padding:16px}
`;

/** A whole portal page. */
export function portalPage(opts: { title: string; lang: 'zh' | 'en'; body: string }): string {
  const lang = opts.lang === 'en' ? 'en' : 'zh-CN';
  return `<!doctype html>${html`<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${opts.title}</title><style>${raw(style)}</style></head><body><header><a href="/p">${opts.lang === 'en' ? 'Renovation disclosure' : '老旧小区改造公开'}</a></header><main>${raw(opts.body)}</main><footer>${opts.lang === 'en' ? 'No personal data is shown on these pages.' : '本页面不公开任何个人信息。'}</footer></body></html>`}`;
}
