/**
 * 组织体系 (mechanism 1, the command structure): the headquarters' task forces, pooled
 * departments, units and cadres on the front line, and the party bodies on site; then the
 * cadres and the party bodies themselves.
 */
import {
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { limits } from '../../../contract/common.js';
import { type Cadre, cadreLevels, type PartyBody } from '../../../contract/projects.js';
import type { Summary } from '../../../contract/stats.js';
import type { CadreLevel } from '../../../domain/projects.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { formatNumber } from '../../shared/numbers.js';
import { serverPagination } from '../../shared/pagination.js';
import { regionNames, useRegions } from '../../shared/regions.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useDebounced } from '../../shared/useDebounced.js';
import { CadreLevelTag } from './pickers.js';
import { useCadres, useOrganisationFigures, usePartyBodies } from './queries.js';

type CadreRow = z.infer<typeof Cadre>;
type BodyRow = z.infer<typeof PartyBody>;

const partyKinds = ['temp_party_org', 'commando_team', 'vanguard_post', 'co_building_unit'] as const;
type PartyKind = (typeof partyKinds)[number];
const isPartyKind = (k: string): k is PartyKind => partyKinds.includes(k as PartyKind);

const figureKeys = [
  ['taskForces', 'units.taskForces'],
  ['departments', 'units.departments'],
  ['units', 'units.units'],
  ['cadres', 'units.people'],
  ['tempPartyOrgs', 'units.bodies'],
  ['commandoTeams', 'units.teams'],
  ['vanguardPosts', 'units.posts'],
  ['coBuildingUnits', 'units.units'],
] as const satisfies readonly (readonly [keyof Summary, string])[];

function Figures() {
  const { t } = useTranslation();
  const figures = useOrganisationFigures();
  if (figures.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (figures.isError) {
    return (
      <EmptyHint
        text={t('errors.loadFailed', { message: figures.error.message })}
        action={<Button onClick={() => void figures.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <Row gutter={[12, 12]}>
      {figureKeys.map(([key, unit]) => (
        <Col key={key} xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t(`organisation.figures.${key}`)}
              value={formatNumber(figures.data[key])}
              suffix={t(unit)}
              data-testid={`org-${key}`}
              styles={{ content: { fontSize: 26 }, suffix: { fontSize: 14 } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`organisation.figureHints.${key}`)}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Cadres() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const regions = useRegions();
  const [level, setLevel] = useState<CadreLevel | undefined>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useCadres({ level, q: q || undefined, ...paging });
  return (
    <Flex vertical gap={12}>
      <Form layout={isPhone ? 'vertical' : 'inline'} name="cadreFilters" role="search">
        <Form.Item label={t('organisation.level')} style={{ minWidth: 200 }}>
          <Select
            allowClear
            placeholder={t('common.all')}
            value={level}
            onChange={(v?: CadreLevel) => {
              setLevel(v);
              setPaging({ ...paging, page: 1 });
            }}
            options={cadreLevels.map((l) => ({ value: l, label: t(`organisation.levels.${l}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('organisation.cadreQ')}>
          <Input
            allowClear
            value={search}
            maxLength={limits.search.max}
            placeholder={t('organisation.cadreQPlaceholder')}
            onChange={(e) => {
              setSearch(e.target.value);
              setPaging({ ...paging, page: 1 });
            }}
          />
        </Form.Item>
      </Form>
      <Table<CadreRow>
        rowKey="id"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        size={isPhone ? 'middle' : 'small'}
        pagination={serverPagination({ ...paging, total: list.data?.total }, t, isPhone)}
        onChange={(p) =>
          setPaging({
            page: p.pageSize !== paging.pageSize ? 1 : (p.current ?? 1),
            pageSize: p.pageSize ?? paging.pageSize,
          })
        }
        locale={{
          emptyText: list.isError ? (
            <EmptyHint text={t('errors.loadFailed', { message: list.error.message })} />
          ) : (
            <EmptyHint
              text={level || q ? t('organisation.cadresEmptyFiltered') : t('organisation.cadresEmpty')}
            />
          ),
        }}
        columns={[
          { key: 'name', title: t('organisation.name'), dataIndex: 'name' },
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
            dataIndex: 'regionCode',
            render: (code: string) => regionNames(regions.data, [code])[0],
          },
        ]}
      />
    </Flex>
  );
}

function PartyBodies() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const regions = useRegions();
  const [kind, setKind] = useState<PartyKind | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = usePartyBodies({ kind, ...paging });
  return (
    <Flex vertical gap={12}>
      <Form layout={isPhone ? 'vertical' : 'inline'} name="bodyFilters" role="search">
        <Form.Item label={t('organisation.kind')} style={{ minWidth: 240 }}>
          <Select
            allowClear
            placeholder={t('common.all')}
            value={kind}
            onChange={(v?: PartyKind) => {
              setKind(v);
              setPaging({ ...paging, page: 1 });
            }}
            options={partyKinds.map((k) => ({ value: k, label: t(`organisation.kinds.${k}`) }))}
          />
        </Form.Item>
      </Form>
      <Table<BodyRow>
        rowKey="id"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        size={isPhone ? 'middle' : 'small'}
        pagination={serverPagination({ ...paging, total: list.data?.total }, t, isPhone)}
        onChange={(p) =>
          setPaging({
            page: p.pageSize !== paging.pageSize ? 1 : (p.current ?? 1),
            pageSize: p.pageSize ?? paging.pageSize,
          })
        }
        locale={{
          emptyText: list.isError ? (
            <EmptyHint text={t('errors.loadFailed', { message: list.error.message })} />
          ) : (
            <EmptyHint text={t('organisation.bodiesEmpty')} />
          ),
        }}
        columns={[
          { key: 'name', title: t('organisation.name'), dataIndex: 'name' },
          {
            key: 'kind',
            title: t('organisation.kind'),
            dataIndex: 'kind',
            render: (k: string) => (isPartyKind(k) ? t(`organisation.kinds.${k}`) : k),
          },
          {
            key: 'region',
            title: t('organisation.region'),
            dataIndex: 'regionCode',
            render: (code: string) => regionNames(regions.data, [code])[0],
          },
          {
            key: 'project',
            title: t('organisation.project'),
            dataIndex: 'projectId',
            render: (id: string | null) =>
              id ? (
                <Link to={`/projects/${id}`}>{t('organisation.viewProject')}</Link>
              ) : (
                <Typography.Text type="secondary">{t('organisation.noProject')}</Typography.Text>
              ),
          },
        ]}
      />
    </Flex>
  );
}

export function OrganisationPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = searchParams.get('tab') === 'bodies' ? 'bodies' : 'cadres';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('organisation.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('organisation.hint')}</Typography.Text>
      <Figures />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'cadres', label: t('organisation.tabCadres'), children: <Cadres /> },
            { key: 'bodies', label: t('organisation.tabBodies'), children: <PartyBodies /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
