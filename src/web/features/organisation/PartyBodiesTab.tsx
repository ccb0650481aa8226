/** 党组织阵地: party organisations, commando teams, vanguard posts and co-building units, with the project each serves. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, type TableColumnsType, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { type PartyBody, PartyBodyQuery, partyBodyKinds } from '../../../contract/organisation.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { EnumFilterField, FilterForm, SearchFilterField } from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { PartyBodyFormDrawer } from './PartyBodyFormDrawer.js';
import { usePartyBodies } from './queries.js';
import { ExportButton, RegistryToolbar } from './RegistryParts.js';

type BodyRow = z.infer<typeof PartyBody>;

interface BodyFilters {
  kind?: (typeof partyBodyKinds)[number];
  region?: string;
  unassigned?: 'true';
  q?: string;
}

export function PartyBodiesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const { query, update, key } = useListParams(PartyBodyQuery);
  const list = usePartyBodies(query);
  const [filterForm] = Form.useForm<BodyFilters>();
  const [creating, setCreating] = useState(false);

  const filters = {
    kind: query.kind,
    region: query.region,
    unassigned: query.unassigned === 'true' ? ('true' as const) : undefined,
    q: query.q,
  };
  const filtered = Object.values(filters).some(Boolean);
  const clear = () =>
    update({ kind: undefined, region: undefined, unassigned: undefined, q: undefined, page: undefined });
  const onChange: TableProps<BodyRow>['onChange'] = (pagination) => {
    const sizeChanged = pagination.pageSize !== query.pageSize;
    update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
  };

  const columns: TableColumnsType<BodyRow> = [
    { key: 'name', title: t('organisation.bodyName'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('organisation.kind'),
      dataIndex: 'kind',
      render: (k: BodyRow['kind']) => t(`organisation.kinds.${k}`),
    },
    { key: 'region', title: t('organisation.bodyRegion'), render: (_, b) => b.regionName ?? b.regionCode },
    {
      key: 'project',
      title: t('organisation.project'),
      render: (_, b) =>
        b.projectId ? (
          <Link to={`/projects/${b.projectId}`}>{b.compoundName ?? t('organisation.viewProject')}</Link>
        ) : (
          <Typography.Text type="secondary">{t('organisation.noProject')}</Typography.Text>
        ),
    },
  ];

  const emptyText = list.isError ? (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error.message })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  ) : filtered ? (
    <EmptyHint
      text={t('organisation.bodiesEmpty')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyHint text={t('organisation.bodiesNone')} />
  );

  return (
    <Flex vertical gap={12}>
      <RegistryToolbar hint={t('organisation.bodiesHint')}>
        <ExportButton registry="party_bodies" />
        {can('project.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('organisation.bodyCreate')}
          </Button>
        )}
      </RegistryToolbar>
      <FilterForm<BodyFilters>
        name="bodyFilters"
        form={filterForm}
        values={filters}
        syncKey={key}
        onSearch={(v) => update({ ...v, q: v.q?.trim(), page: undefined })}
        onReset={clear}
      >
        <EnumFilterField
          name="kind"
          label={t('organisation.kind')}
          values={partyBodyKinds}
          labelOf={(k) => t(`organisation.kinds.${k}`)}
        />
        <RegionFilterField label={t('organisation.bodyRegion')} />
        <EnumFilterField
          name="unassigned"
          label={t('organisation.assignment')}
          values={['true'] as const}
          labelOf={() => t('organisation.unassigned')}
        />
        <SearchFilterField
          label={t('organisation.bodyName')}
          placeholder={t('organisation.bodyQPlaceholder')}
        />
      </FilterForm>
      <ServerTable<BodyRow>
        list={list}
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        onChange={onChange}
        locale={{ emptyText }}
      />
      <PartyBodyFormDrawer open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
