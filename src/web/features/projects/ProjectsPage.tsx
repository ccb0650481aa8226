/** 改造项目: the projects in scope, filtered by year, status, region and text; new projects from here. */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Select,
  type TableColumnsType,
  type TableProps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { limits } from '../../../contract/common.js';
import { ProjectListQuery, type ProjectSummary } from '../../../contract/projects.js';
import { type ProjectStatus, projectStatuses } from '../../../domain/inventory.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { FilterField, FilterForm } from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { useIsPhone } from '../../shared/responsive.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { RegionSelect } from '../inventory/CompoundFilters.js';
import { CreateProjectModal, programmeYears } from './CreateProjectModal.js';
import { ProjectStatusTag } from './labels.js';
import { useProjectList } from './queries.js';

type Row = z.infer<typeof ProjectSummary>;

interface Filters {
  year?: number;
  status?: ProjectStatus;
  region?: string;
  q?: string;
}
const filterKeys = ['year', 'status', 'region', 'q'] as const;

export function ProjectsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const can = useCan();
  const { query, update, key } = useListParams(ProjectListQuery);
  const list = useProjectList(query);
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);

  const filters: Filters = { year: query.year, status: query.status, region: query.region, q: query.q };
  const filtered = filterKeys.some((k) => query[k] !== undefined);
  const apply = (v: Filters) =>
    update({ year: v.year, status: v.status, region: v.region, q: v.q?.trim(), page: undefined });
  const clear = () => apply({});

  const onChange: TableProps<Row>['onChange'] = (pagination) => {
    const sizeChanged = pagination.pageSize !== query.pageSize;
    update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
  };

  const columns: TableColumnsType<Row> = [
    {
      key: 'compound',
      title: t('projects.compound'),
      dataIndex: 'compoundName',
      render: (name: string, p) => (
        <Link to={`/projects/${p.id}`} style={{ whiteSpace: 'nowrap' }}>
          {name}
        </Link>
      ),
    },
    {
      key: 'year',
      title: t('projects.year'),
      dataIndex: 'year',
      align: 'right',
    },
    {
      key: 'status',
      title: t('projects.status'),
      dataIndex: 'status',
      render: (s: ProjectStatus) => <ProjectStatusTag status={s} />,
    },
    {
      key: 'subdistrict',
      title: t('inventory.subdistrict'),
      dataIndex: 'subdistrictName',
      render: (v: string | null) => v ?? '—',
    },
  ];

  const createButton = can('project.write') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('projects.create')}
    </Button>
  );
  const emptyText = list.isError ? (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error.message })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  ) : filtered ? (
    <EmptyHint
      text={t('projects.emptyFiltered')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : can('project.write') ? (
    <EmptyHint text={t('projects.empty')} action={createButton} />
  ) : (
    <EmptyHint text={t('projects.emptyReadOnly')} />
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('projects.title')}
        </Typography.Title>
        {createButton}
      </Flex>
      <Card size="small">
        <FilterForm<Filters>
          name="projectFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={clear}
        >
          <FilterField>
            <Form.Item name="year" label={t('projects.year')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={programmeYears().map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="status" label={t('projects.status')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={projectStatuses.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
              />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="region" label={t('inventory.filterRegion')}>
              <RegionSelect />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="q" label={t('projects.filterQ')}>
              <Input
                allowClear
                placeholder={t('projects.filterQPlaceholder')}
                maxLength={limits.search.max}
              />
            </Form.Item>
          </FilterField>
        </FilterForm>
      </Card>
      {list.isError && list.data && <Alert type="error" showIcon title={list.error.message} />}
      <ServerTable<Row>
        list={list}
        query={query}
        rowKey="id"
        columns={columns}
        onChange={onChange}
        locale={{ emptyText }}
        size={isPhone ? 'middle' : 'small'}
      />
      <CreateProjectModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
