/** 派出单位: the units that send cadres, with their leader and how many cadres they sent. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, type TableColumnsType, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UnitListQuery } from '../../../contract/organisation.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { FilterForm, SearchFilterField } from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { formatNumber } from '../../shared/numbers.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { useUnitList } from './queries.js';
import { ExportButton, RegistryToolbar } from './RegistryParts.js';
import { UnitFormDrawer, type UnitFormMode, type UnitRow } from './UnitFormDrawer.js';

export function UnitsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const { query, update, key } = useListParams(UnitListQuery);
  const list = useUnitList(query);
  const [filterForm] = Form.useForm<{ q?: string }>();
  const [editing, setEditing] = useState<UnitFormMode>(null);
  const mayWrite = can('organisation.write');

  const onChange: TableProps<UnitRow>['onChange'] = (pagination) => {
    const sizeChanged = pagination.pageSize !== query.pageSize;
    update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
  };
  const reload = async (id: string) => (await list.refetch()).data?.items.find((u) => u.id === id);

  const columns: TableColumnsType<UnitRow> = [
    { key: 'name', title: t('organisation.unitName'), dataIndex: 'name' },
    {
      key: 'leader',
      title: t('organisation.leader'),
      dataIndex: 'leader',
      render: (l: UnitRow['leader']) => l?.name ?? '—',
    },
    {
      key: 'cadres',
      title: t('organisation.cadreCount'),
      dataIndex: 'cadres',
      align: 'right',
      render: (n: number, u) => <Link to={`/organisation?tab=cadres&unitId=${u.id}`}>{formatNumber(n)}</Link>,
    },
    ...(mayWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, u: UnitRow) => (
              <Button type="link" onClick={() => setEditing({ unit: u })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <RegistryToolbar hint={t('organisation.unitsHint')}>
        <ExportButton registry="units" />
        {mayWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('organisation.unitCreate')}
          </Button>
        )}
      </RegistryToolbar>
      <FilterForm<{ q?: string }>
        name="unitFilters"
        form={filterForm}
        values={{ q: query.q }}
        syncKey={key}
        onSearch={(v) => update({ q: v.q?.trim(), page: undefined })}
        onReset={() => update({ q: undefined, page: undefined })}
      >
        <SearchFilterField
          label={t('organisation.unitName')}
          placeholder={t('organisation.unitQPlaceholder')}
        />
      </FilterForm>
      <ServerTable<UnitRow>
        list={list}
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        onChange={onChange}
        locale={{
          emptyText: list.isError ? (
            <EmptyHint text={t('errors.loadFailed', { message: list.error.message })} />
          ) : (
            <EmptyHint text={query.q ? t('organisation.unitsEmptyFiltered') : t('organisation.unitsEmpty')} />
          ),
        }}
      />
      <UnitFormDrawer mode={editing} onClose={() => setEditing(null)} reload={reload} />
    </Flex>
  );
}
