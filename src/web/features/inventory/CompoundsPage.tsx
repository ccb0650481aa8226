/** Inventory › compounds: region tree, filters and a server-paged table; exports, import and the map from here. */
import {
  EnvironmentOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PartitionOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Flex, type TableColumnsType, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  type CompoundListQuery,
  type CompoundSummary,
  CompoundListQuery as ListQuery,
} from '../../../contract/inventory.js';
import type { CompoundStatus, PropertyManagement } from '../../../domain/inventory.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useListParams } from '../../shared/listParams.js';
import { formatKnown, formatKnownArea } from '../../shared/numbers.js';
import { useRegionTree } from '../../shared/regionTree.js';
import { useIsPhone } from '../../shared/responsive.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { RegionPostersButton } from '../portal/PortalLinks.js';
import {
  CompoundFilters,
  type CompoundFilterValues,
  filterPatch,
  hasFilters,
  pickFilters,
} from './CompoundFilters.js';
import { DemoTag, OldTag, StatusTag, useBuildYear } from './labels.js';
import { useCompoundList } from './queries.js';
import { RegionPanel } from './RegionPanel.js';
import { ExportButtons, PersonalCheckbox, PersonalWarning, TemplateMenu } from './SheetDownloads.js';

type SortField = 'name' | 'buildYear' | 'householdCount' | 'floorArea';

function sortOrder(sort: CompoundListQuery['sort'], field: SortField) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

/** The search string carrying these filters to another page (the map, and back). */
export function filterSearch(filters: CompoundFilterValues): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `?${qs}` : '';
}

export function CompoundsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const can = useCan();
  const navigate = useNavigate();
  const buildYear = useBuildYear();
  const regions = useRegionTree();
  const { query, update, key } = useListParams(ListQuery);
  const list = useCompoundList(query);
  const [panelOpen, setPanelOpen] = useState(true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [personal, setPersonal] = useState(false);

  const filters = pickFilters(query);
  const filtered = hasFilters(filters);
  const applyFilters = (values: CompoundFilterValues) => update(filterPatch(values));
  const clearFilters = () => applyFilters({});
  const selectRegion = (region: string | undefined) => {
    setDrawerOpen(false);
    update({ region, page: undefined });
  };

  const onChange: TableProps<CompoundSummary>['onChange'] = (pagination, _filters, sorter, { action }) => {
    if (action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const sort = s?.order ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
      update({ sort, page: undefined });
    } else if (action === 'paginate') {
      const sizeChanged = pagination.pageSize !== query.pageSize;
      update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
    }
  };

  const sortable = (field: SortField) => ({
    key: field,
    sorter: true,
    sortOrder: sortOrder(query.sort, field),
    sortDirections: ['ascend' as const, 'descend' as const],
  });
  const right = { align: 'right' as const };

  const columns: TableColumnsType<CompoundSummary> = [
    // On a phone the code goes under the name, so the first column says which compound a row is.
    ...(isPhone
      ? []
      : [
          {
            key: 'code',
            title: t('inventory.code'),
            dataIndex: 'code',
            fixed: 'left' as const,
            render: (code: string) => <Typography.Text type="secondary">{code}</Typography.Text>,
          },
        ]),
    {
      ...sortable('name'),
      title: t('inventory.name'),
      dataIndex: 'name',
      fixed: isPhone ? undefined : 'left',
      render: (name: string, c) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/compounds/${c.id}`}>{name}</Link>
          {c.isDemo && <DemoTag />}
          {isPhone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.code}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'subdistrict',
      title: t('inventory.subdistrict'),
      dataIndex: 'subdistrictName',
      render: (v: string | null) => v ?? '—',
    },
    {
      key: 'community',
      // Shown from 1600 px: below it the key columns (status) stay in view without scrolling.
      responsive: ['xxl'],
      title: t('inventory.community'),
      dataIndex: 'communityName',
      render: (v: string | null) => v ?? '—',
    },
    {
      ...sortable('buildYear'),
      ...right,
      title: t('inventory.buildYear'),
      render: (_, c) => buildYear(c.buildYear, c.buildYearApprox),
    },
    {
      key: 'old',
      title: t('inventory.old'),
      dataIndex: 'isOld',
      render: (isOld: boolean) => <OldTag isOld={isOld} cutoffYear={regions.data?.oldCutoffYear} />,
    },
    {
      key: 'buildingCount',
      ...right,
      title: t('inventory.buildings'),
      dataIndex: 'buildingCount',
      render: (n: number | null) => formatKnown(n),
    },
    {
      ...sortable('householdCount'),
      ...right,
      title: t('inventory.households'),
      dataIndex: 'householdCount',
      render: (n: number | null) => formatKnown(n),
    },
    {
      key: 'residentCount',
      // Shown from 1600 px: below it the key columns (status) stay in view without scrolling.
      responsive: ['xxl'],
      ...right,
      title: t('inventory.residents'),
      dataIndex: 'residentCount',
      render: (n: number | null) => formatKnown(n),
    },
    {
      ...sortable('floorArea'),
      ...right,
      title: t('inventory.floorArea'),
      dataIndex: 'floorArea',
      render: (n: number | null) => formatKnownArea(n),
    },
    {
      key: 'propertyManagement',
      // Shown from 1600 px: below it the key columns (status) stay in view without scrolling.
      responsive: ['xxl'],
      title: t('inventory.propertyManagement'),
      dataIndex: 'propertyManagement',
      render: (p: PropertyManagement | null) => (p ? t(`inventory.propertyManagementKinds.${p}`) : '—'),
    },
    {
      key: 'status',
      title: t('inventory.status'),
      dataIndex: 'status',
      fixed: isPhone ? undefined : 'right',
      render: (s: CompoundStatus) => <StatusTag status={s} />,
    },
  ];

  const importButton = can('inventory.write') && (
    <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/compounds/import')}>
      {t('inventory.import')}
    </Button>
  );
  const emptyText = list.isError ? (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error.message })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  ) : filtered ? (
    <EmptyHint
      text={t('inventory.emptyFiltered')}
      action={<Button onClick={clearFilters}>{t('common.reset')}</Button>}
    />
  ) : can('inventory.write') ? (
    <EmptyHint text={t('inventory.empty')} action={importButton} />
  ) : (
    <EmptyHint text={t('inventory.emptyReadOnly')} />
  );

  const regionToggle = isPhone ? (
    <Button icon={<PartitionOutlined />} onClick={() => setDrawerOpen(true)}>
      {t('inventory.regions')}
    </Button>
  ) : (
    <Button
      icon={panelOpen ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
      onClick={() => setPanelOpen(!panelOpen)}
      aria-expanded={panelOpen}
    >
      {panelOpen ? t('inventory.hideRegions') : t('inventory.regions')}
    </Button>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('inventory.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button
            icon={<EnvironmentOutlined />}
            onClick={() => navigate(`/compounds/map${filterSearch(filters)}`)}
          >
            {t('inventory.map')}
          </Button>
          {importButton}
        </Flex>
      </Flex>
      <Card size="small">
        <CompoundFilters name="compoundFilters" values={filters} syncKey={key} onApply={applyFilters} />
      </Card>
      <Flex gap={8} wrap align="center">
        {regionToggle}
        <ExportButtons filters={filters} personal={personal} />
        <TemplateMenu />
        {/* A subdistrict's or community's posters: one page per compound under renovation. */}
        {query.region && query.region.length >= 9 && <RegionPostersButton regionCode={query.region} />}
        <PersonalCheckbox checked={personal} onChange={setPersonal} />
      </Flex>
      {personal && <PersonalWarning />}
      {list.isError && list.data && <Alert type="error" showIcon title={list.error.message} />}
      <Flex gap={16} align="start">
        {!isPhone && panelOpen && (
          <Card size="small" title={t('inventory.regions')} style={{ width: 240, flex: 'none' }}>
            <RegionPanel selected={query.region} onSelect={selectRegion} />
          </Card>
        )}
        <div style={{ flex: 1, minWidth: 0 }}>
          <ServerTable<CompoundSummary>
            list={list}
            query={query}
            rowKey="id"
            columns={columns}
            onChange={onChange}
            locale={{ emptyText }}
            size={isPhone ? 'middle' : 'small'}
          />
        </div>
      </Flex>
      {isPhone && (
        <Drawer
          placement="left"
          size="85%"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('inventory.regions')}
        >
          <RegionPanel selected={query.region} onSelect={selectRegion} />
        </Drawer>
      )}
    </Flex>
  );
}
