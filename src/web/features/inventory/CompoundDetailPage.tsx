/** One compound: header with status, its ledger fields, and tabs for buildings, households and projects. */
import { ArrowLeftOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Input,
  Result,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { limits } from '../../../contract/common.js';
import type { Building, CompoundDetail, Household } from '../../../contract/inventory.js';
import type { AreaBasis, ProjectStatus } from '../../../domain/inventory.js';
import { ApiError } from '../../shared/api.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { formatArea, formatKnown, formatKnownArea, formatNumber } from '../../shared/numbers.js';
import { serverPagination } from '../../shared/pagination.js';
import { type CountedRegions, useRegionTree } from '../../shared/regionTree.js';
import { useIsPhone } from '../../shared/responsive.js';
import { FacilitiesTab } from '../facilities/FacilitiesPage.js';
import { CompoundPortalLinks } from '../portal/PortalLinks.js';
import { DemoTag, OldTag, StatusTag, useBuildYear } from './labels.js';
import { useCompound, useHouseholds } from './queries.js';

type BuildingRow = z.infer<typeof Building>;
type HouseholdRow = z.infer<typeof Household>;

const tabs = ['buildings', 'households', 'projects'] as const;
type TabKey = (typeof tabs)[number];

const ownerKinds = ['person', 'developer'] as const;
const isOwnerKind = (k: string): k is (typeof ownerKinds)[number] => ownerKinds.includes(k as 'person');

const doneProjects: readonly ProjectStatus[] = ['accepted', 'handed_over'];

/** "顺河回族区 / 清平街道 / 东大寺社区": the compound's region and its parents down from the district. */
function regionPath(regions: CountedRegions | undefined, code: string): string[] {
  const names: string[] = [];
  let region = regions?.byCode.get(code);
  while (region) {
    names.unshift(region.name);
    if (region.level === 'district' || region.level === 'county') break;
    region = region.parentCode ? regions?.byCode.get(region.parentCode) : undefined;
  }
  return names;
}

/** Back to where the user came from (the list with its filters), or to the list. */
function useBack() {
  const navigate = useNavigate();
  const location = useLocation();
  return () => (location.key === 'default' ? navigate('/compounds') : navigate(-1));
}

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('compound.notFoundTitle')}
      subTitle={t('compound.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/compounds')}>
          {t('compound.backToList')}
        </Button>
      }
    />
  );
}

function Buildings({ compound }: { compound: CompoundDetail }) {
  const { t } = useTranslation();
  const right = { align: 'right' as const };
  const columns: TableColumnsType<BuildingRow> = [
    { key: 'number', title: t('compound.buildingNumber'), dataIndex: 'number' },
    {
      key: 'floors',
      ...right,
      title: t('compound.floors'),
      dataIndex: 'floors',
      render: (n: number | null) => n ?? '—',
    },
    {
      key: 'units',
      ...right,
      title: t('inventory.units'),
      dataIndex: 'unitCount',
      render: (n: number | null) => formatKnown(n),
    },
    {
      key: 'declared',
      ...right,
      title: t('compound.declaredHouseholds'),
      dataIndex: 'householdCount',
      render: (n: number | null) => formatKnown(n),
    },
    {
      key: 'registered',
      ...right,
      title: t('compound.registeredHouseholds'),
      render: (_, b) =>
        b.registeredHouseholds > 0 &&
        b.householdCount !== null &&
        b.registeredHouseholds !== b.householdCount ? (
          <Tooltip title={t('compound.householdsMismatch')}>
            <Typography.Text type="warning">
              <WarningOutlined /> {formatNumber(b.registeredHouseholds)}
            </Typography.Text>
          </Tooltip>
        ) : (
          formatNumber(b.registeredHouseholds)
        ),
    },
    {
      key: 'floorArea',
      ...right,
      title: t('inventory.floorArea'),
      dataIndex: 'floorArea',
      render: (n: number | null) => formatKnownArea(n),
    },
    {
      key: 'buildYear',
      ...right,
      title: t('inventory.buildYear'),
      dataIndex: 'buildYear',
      render: (y: number | null) => y ?? '—',
    },
  ];
  return (
    <Table<BuildingRow>
      rowKey="id"
      columns={columns}
      dataSource={compound.buildings}
      pagination={compound.buildings.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      size="small"
      locale={{ emptyText: <EmptyHint text={t('compound.buildingsEmpty')} /> }}
    />
  );
}

function Households({ compound }: { compound: CompoundDetail }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [filters, setFilters] = useState<{ building?: string; q?: string }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const query = { ...filters, ...paging };
  const list = useHouseholds(compound.id, query);
  const masked = list.data?.items.some((h) => h.masked) ?? false;
  const filtered = Boolean(filters.building || filters.q);
  const dash = (v: string | null) => v ?? '—';

  const columns: TableColumnsType<HouseholdRow> = [
    { key: 'building', title: t('compound.building'), dataIndex: 'building' },
    { key: 'unit', title: t('compound.unit'), dataIndex: 'unit' },
    { key: 'room', title: t('compound.room'), dataIndex: 'room' },
    { key: 'owner', title: t('compound.owner'), dataIndex: 'ownerName', render: dash },
    {
      key: 'ownerKind',
      title: t('compound.ownerKind'),
      dataIndex: 'ownerKind',
      render: (kind: string | null) =>
        kind && isOwnerKind(kind) ? t(`compound.ownerKinds.${kind}`) : dash(kind),
    },
    { key: 'idNumber', title: t('compound.idNumber'), dataIndex: 'ownerIdNumber', render: dash },
    { key: 'phone', title: t('compound.phone'), dataIndex: 'contactPhone', render: dash },
    {
      key: 'area',
      align: 'right',
      title: t('compound.exclusiveArea'),
      dataIndex: 'exclusiveArea',
      render: (n: number | null) => formatKnownArea(n),
    },
    {
      key: 'basis',
      title: t('compound.areaBasis'),
      dataIndex: 'areaBasis',
      render: (b: AreaBasis | null) => (b ? t(`compound.areaBases.${b}`) : '—'),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          allowClear
          placeholder={t('compound.allBuildings')}
          aria-label={t('compound.building')}
          style={{ minWidth: 160, flex: isPhone ? 1 : undefined }}
          value={filters.building}
          options={compound.buildings.map((b) => ({ value: b.number, label: b.number }))}
          onChange={(building?: string) => {
            setFilters({ ...filters, building });
            setPaging({ ...paging, page: 1 });
          }}
        />
        <Input.Search
          allowClear
          placeholder={t('compound.householdsQ')}
          aria-label={t('compound.householdsQ')}
          maxLength={limits.search.max}
          style={{ width: isPhone ? '100%' : 240 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => {
            setFilters({ ...filters, q: value.trim() || undefined });
            setPaging({ ...paging, page: 1 });
          }}
        />
      </Flex>
      {masked && <Alert type="info" showIcon title={t('compound.masked')} />}
      <Table<HouseholdRow>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={serverPagination(paging, list.data, t, isPhone)}
        onChange={(p) =>
          setPaging({
            page: p.pageSize !== paging.pageSize ? 1 : (p.current ?? 1),
            pageSize: p.pageSize ?? paging.pageSize,
          })
        }
        scroll={{ x: 'max-content' }}
        size="small"
        locale={{
          emptyText: list.isError ? (
            <EmptyHint
              text={t('errors.loadFailed', { message: list.error.message })}
              action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
            />
          ) : (
            <EmptyHint
              text={filtered ? t('compound.householdsEmptyFiltered') : t('compound.householdsEmpty')}
            />
          ),
        }}
      />
    </Flex>
  );
}

function Projects({ compound }: { compound: CompoundDetail }) {
  const { t } = useTranslation();
  if (compound.projects.length === 0) return <EmptyHint text={t('compound.projectsEmpty')} />;
  const projects = [...compound.projects].sort((a, b) => b.year - a.year);
  return (
    <Flex vertical gap={8}>
      <CompoundPortalLinks compoundId={compound.id} />
      <Timeline
        style={{ paddingTop: 8 }}
        items={projects.map((p) => ({
          key: p.id,
          color: doneProjects.includes(p.status) ? 'green' : 'blue',
          title: String(p.year),
          content: (
            <Flex gap={8} wrap align="center">
              <span>{t('compound.projectYear', { year: p.year })}</span>
              <Tag color={doneProjects.includes(p.status) ? 'green' : 'blue'}>
                {t(`compound.projectStatuses.${p.status}`)}
              </Tag>
            </Flex>
          ),
        }))}
      />
    </Flex>
  );
}

export function CompoundDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const back = useBack();
  const isPhone = useIsPhone();
  const buildYear = useBuildYear();
  const regions = useRegionTree();
  const compound = useCompound(id);

  if (compound.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (compound.isError) {
    const error = compound.error;
    // A malformed id is refused as invalid input; to the user both mean "no such compound".
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFound />;
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed', { message: error.message })}
        extra={
          <Button type="primary" onClick={() => void compound.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const c = compound.data;
  const cutoff = regions.data?.oldCutoffYear;
  const tab: TabKey = tabs.find((k) => k === searchParams.get('tab')) ?? 'buildings';
  const path = regionPath(regions.data, c.regionCode);

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('inventory.code'), children: c.code },
    { key: 'subdistrict', label: t('inventory.subdistrict'), children: c.subdistrictName ?? '—' },
    { key: 'community', label: t('inventory.community'), children: c.communityName ?? '—' },
    { key: 'address', label: t('inventory.address'), children: c.address ?? '—', span: 2 },
    {
      key: 'buildYear',
      label: t('inventory.buildYear'),
      children: (
        <Flex gap={8} align="center" wrap>
          {buildYear(c.buildYear, c.buildYearApprox)}
          <OldTag isOld={c.isOld} cutoffYear={cutoff} />
        </Flex>
      ),
    },
    { key: 'buildings', label: t('inventory.buildings'), children: formatKnown(c.buildingCount) },
    { key: 'units', label: t('inventory.units'), children: formatKnown(c.unitCount) },
    { key: 'households', label: t('inventory.households'), children: formatKnown(c.householdCount) },
    { key: 'residents', label: t('inventory.residents'), children: formatKnown(c.residentCount) },
    { key: 'floorArea', label: t('inventory.floorArea'), children: formatKnownArea(c.floorArea) },
    {
      key: 'propertyManagement',
      label: t('inventory.propertyManagement'),
      children: c.propertyManagement ? t(`inventory.propertyManagementKinds.${c.propertyManagement}`) : '—',
    },
    {
      key: 'registered',
      label: t('compound.registered'),
      children: t('compound.registeredSummary', {
        households: formatNumber(c.households.registered),
        owners: formatNumber(c.households.owners),
        area: formatArea(c.households.exclusiveArea),
      }),
    },
    {
      key: 'coordinates',
      label: t('inventory.coordinates'),
      children: c.lng !== null && c.lat !== null ? `${c.lng}, ${c.lat}` : '—',
    },
    { key: 'notes', label: t('inventory.notes'), children: c.notes ?? '—', span: 'filled' },
  ];

  return (
    <Flex vertical gap={16}>
      <div>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} style={{ paddingInline: 0 }}>
          {t('compound.back')}
        </Button>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {c.name}
          </Typography.Title>
          <StatusTag status={c.status} />
          {c.isDemo && <DemoTag />}
        </Flex>
        <Typography.Text type="secondary">
          {c.code}
          {path.length > 0 && ` · ${path.join(' / ')}`}
        </Typography.Text>
      </div>
      <Card size="small" title={t('compound.ledger')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={items}
          styles={{ label: isPhone ? { width: 104 } : { whiteSpace: 'nowrap' } }}
        />
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setSearchParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            {
              key: 'buildings',
              label: `${t('compound.tabBuildings')} (${formatNumber(c.buildings.length)})`,
              children: <Buildings compound={c} />,
            },
            {
              key: 'households',
              label: `${t('compound.tabHouseholds')} (${formatNumber(c.households.registered)})`,
              children: <Households compound={c} />,
            },
            {
              key: 'projects',
              label: `${t('compound.tabProjects')} (${formatNumber(c.projects.length)})`,
              children: <Projects compound={c} />,
            },
            {
              key: 'facilities',
              label: t('facilities.title'),
              children: <FacilitiesTab compoundId={c.id} />,
            },
          ]}
          destroyOnHidden
        />
      </Card>
    </Flex>
  );
}
