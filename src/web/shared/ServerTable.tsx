import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { serverPagination } from './pagination.js';
import { useIsPhone } from './responsive.js';

interface ServerTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> {
  /** The list query: its page of rows and whether it is loading. */
  list: { data?: { items: T[]; total: number; totalExact: boolean }; isFetching: boolean };
  /** The page and size the list was asked for (from the URL). */
  query: { page: number; pageSize: number };
}

/** A table over one server-side page: rows, loading state and pagination come from the list query. */
export function ServerTable<T extends object>({ list, query, ...table }: ServerTableProps<T>) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Table<T>
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      pagination={serverPagination(query, list.data, t, isPhone)}
      scroll={{ x: 'max-content' }}
      {...table}
    />
  );
}
