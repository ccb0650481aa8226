import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { limits } from '../../contract/common.js';

/** Table pagination for a server-side page: the current page and size come from the list query. */
export function serverPagination(
  page: { page: number; pageSize: number; total: number | undefined },
  t: TFunction,
  isPhone: boolean,
): TablePaginationConfig {
  return {
    current: page.page,
    pageSize: page.pageSize,
    total: page.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, limits.pageSize.max],
    showTotal: (total) => t('common.total', { count: total }),
    simple: isPhone,
  };
}
