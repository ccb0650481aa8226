import { describe, expect, it } from 'vitest';
import { type DistrictView, districtPage } from './pages.js';

const view = (page: Partial<DistrictView['page']>, lang: DistrictView['lang'] = 'zh'): DistrictView => ({
  lang,
  status: 'under_way',
  region: undefined,
  subdistricts: [],
  page: { items: [], total: 0, totalExact: true, page: 1, pageSize: 20, ...page },
});

describe('the district page’s count and pager', () => {
  it.each([
    [view({ total: 45, page: 2 }), '共 45 个小区', '第 2 / 3 页'],
    // Counting stopped: "at least", and no last page to name.
    [view({ total: 1020, totalExact: false, page: 2 }), '共 1020+ 个小区', '第 2 页'],
    [view({ total: 1020, totalExact: false, page: 2 }, 'en'), '1020+ compounds', 'Page 2'],
  ])('%#', (v, count, pager) => {
    const html = districtPage(v);
    expect(html).toContain(count);
    expect(html).toContain(`${pager}<`);
    // A next page is offered while more may follow.
    expect(html).toContain(`page=${v.page.page + 1}`);
  });
});
