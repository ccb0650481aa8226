/** 下沉干部: cadres paged on the server, filtered by level, region, unit and name; headquarters adds and edits. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CadreListQuery, cadreLevels } from '../../../contract/organisation.js';
import type { CadreLevel } from '../../../domain/projects.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import {
  CustomFilterField,
  EnumFilterField,
  FilterForm,
  SearchFilterField,
} from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { CadreFormDrawer, type CadreFormMode, type CadreRow } from './CadreFormDrawer.js';
import { CadreLevelTag, UnitSelect } from './pickers.js';
import { useCadres } from './queries.js';
import { ExportButton, RegistryToolbar } from './RegistryParts.js';

interface CadreFilters {
  level?: CadreLevel;
  region?: string;
  unitId?: string;
  q?: string;
}

export function CadresTab() {
  const { t } = useTranslation();
  const can = useCan();
  const { query, update, key } = useListParams(CadreListQuery);
  const list = useCadres(query);
  const [filterForm] = Form.useForm<CadreFilters>();
  const [editing, setEditing] = useState<CadreFormMode>(null);
  const mayWrite = can('organisation.write');

  const filters = { level: query.level, region: query.region, unitId: query.unitId, q: query.q };
  const filtered = Object.values(filters).some(Boolean);
  const clear = () =>
    update({ level: undefined, region: undefined, unitId: undefined, q: undefined, page: undefined });
  // The unit filter names its unit from the rows it found (a link from the units tab carries only the id).
  const filterUnit = list.data?.items.find((c) => c.unitId === query.unitId);

  const onChange: TableProps<CadreRow>['onChange'] = (pagination) => {
    const sizeChanged = pagination.pageSize !== query.pageSize;
    update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
  };
  const reload = async (id: string) => (await list.refetch()).data?.items.find((c) => c.id === id);

  const columns: TableColumnsType<CadreRow> = [
    { key: 'name', title: t('organisation.cadreName'), dataIndex: 'name' },
    {
      key: 'level',
      title: t('organisation.level'),
      dataIndex: 'level',
      render: (l: CadreLevel) => <CadreLevelTag level={l} />,
    },
    {
      key: 'unit',
      title: t('organisation.unit'),
      dataIndex: 'unitName',
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'region',
      title: t('organisation.region'),
      render: (_, c) => c.regionName ?? c.regionCode,
    },
    {
      key: 'superior',
      title: t('organisation.superior'),
      dataIndex: 'superior',
      render: (s: CadreRow['superior']) => s?.name ?? '—',
    },
    {
      key: 'phone',
      title: t('organisation.phone'),
      dataIndex: 'phone',
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'login',
      title: t('organisation.login'),
      dataIndex: 'hasLogin',
      render: (has: boolean) =>
        has ? (
          <Tag color="green">{t('organisation.hasLogin')}</Tag>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    ...(mayWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, c: CadreRow) => (
              <Button type="link" onClick={() => setEditing({ cadre: c })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const emptyText = list.isError ? (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error.message })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  ) : filtered ? (
    <EmptyHint
      text={t('organisation.cadresEmptyFiltered')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyHint text={t('organisation.cadresEmpty')} />
  );

  return (
    <Flex vertical gap={12}>
      <RegistryToolbar hint={t('organisation.cadresHint')}>
        <ExportButton registry="cadres" />
        {mayWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('organisation.cadreCreate')}
          </Button>
        )}
      </RegistryToolbar>
      <FilterForm<CadreFilters>
        name="cadreFilters"
        form={filterForm}
        values={filters}
        syncKey={key}
        onSearch={(v) => update({ ...v, q: v.q?.trim(), page: undefined })}
        onReset={clear}
      >
        <EnumFilterField
          name="level"
          label={t('organisation.level')}
          values={cadreLevels}
          labelOf={(l) => t(`organisation.levels.${l}`)}
        />
        <RegionFilterField label={t('organisation.region')} />
        <CustomFilterField name="unitId" label={t('organisation.unit')}>
          <UnitSelect
            placeholder={t('common.all')}
            known={
              filterUnit?.unitId && filterUnit.unitName
                ? { id: filterUnit.unitId, name: filterUnit.unitName }
                : null
            }
          />
        </CustomFilterField>
        <SearchFilterField
          label={t('organisation.cadreQ')}
          placeholder={t('organisation.cadreQPlaceholder')}
        />
      </FilterForm>
      <ServerTable<CadreRow>
        list={list}
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        onChange={onChange}
        locale={{ emptyText }}
        data-testid="cadres-table"
      />
      <CadreFormDrawer mode={editing} onClose={() => setEditing(null)} reload={reload} />
    </Flex>
  );
}
