/** The public portal's staff-side strings (posters, links to the public page), Chinese first; `en` has the same keys. */
export const zhCN = {
  portal: {
    poster: '公示海报',
    posters: '公示海报（批量）',
    postersHint: '本区域内正在改造的小区，每个小区一页 A4 海报',
    publicPage: '公开页面',
  },
};

export const en: typeof zhCN = {
  portal: {
    poster: 'QR poster',
    posters: 'QR posters (all)',
    postersHint: 'One A4 poster for each compound under renovation in this region',
    publicPage: 'Public page',
  },
};
