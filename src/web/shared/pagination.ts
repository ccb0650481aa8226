import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { limits } from '../../contract/common.js';

/** A list page's count in words: "共 1000+ 条" where counting stopped (see `countAhead`). */
export function totalText(t: TFunction, page: { total: number; totalExact: boolean }): string {
  return t(page.totalExact ? 'common.total' : 'common.totalAtLeast', { count: page.total });
}

/** Table pagination for a server-side page: the current page and size come from the list query. */
export function serverPagination(
  query: { page: number; pageSize: number },
  data: { total: number; totalExact: boolean } | undefined,
  t: TFunction,
  isPhone: boolean,
): TablePaginationConfig {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, limits.pageSize.max],
    showTotal: () => (data ? totalText(t, data) : ''),
    simple: isPhone,
  };
}
