import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.js';

describe('html', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"onmouseover="x', '&quot;onmouseover=&quot;x'],
    ["' onerror='x", '&#39; onerror=&#39;x'],
    ['a & b', 'a &amp; b'],
    ['`x`', '&#96;x&#96;'],
    ['老旧小区', '老旧小区'],
  ])('escapes %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(html`<p title="${input}">${input}</p>`.toString()).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('keeps nested html and arrays of it, leaves out null, undefined and false', () => {
    const items = ['<b>', 'ok'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.toString()).toBe(
      '<ul><li>&lt;b&gt;</li><li>ok</li></ul>0',
    );
  });

  it('puts raw markup in as it is', () => {
    expect(html`<div>${raw('<br>')}</div>`.toString()).toBe('<div><br></div>');
  });
});
