/** 改造项目: the projects in scope, filtered by year, status, batch, region and text; new projects from the header. */
import { Alert, Button, Card, Flex, Form, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { ProjectListQuery, type ProjectSummary } from '../../../contract/projects.js';
import { type ProjectStatus, projectStatuses } from '../../../domain/inventory.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import {
  CustomFilterField,
  EnumFilterField,
  FilterForm,
  SearchFilterField,
} from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { useIsPhone } from '../../shared/responsive.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { BatchSelect } from './BatchSelect.js';
import { programmeYears } from './CreateProjectModal.js';
import { ProjectStatusTag } from './labels.js';
import { ProjectsHeader } from './ProjectsHeader.js';
import { useProjectList } from './queries.js';

type Row = z.infer<typeof ProjectSummary>;

interface Filters {
  year?: number;
  status?: ProjectStatus;
  batchId?: string;
  region?: string;
  q?: string;
}
const filterKeys = ['year', 'status', 'batchId', 'region', 'q'] as const;

export function ProjectsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const can = useCan();
  const { query, update, key } = useListParams(ProjectListQuery);
  const list = useProjectList(query);
  const [form] = Form.useForm<Filters>();

  const filters: Filters = {
    year: query.year,
    status: query.status,
    batchId: query.batchId,
    region: query.region,
    q: query.q,
  };
  const filtered = filterKeys.some((k) => query[k] !== undefined);
  const apply = (v: Filters) =>
    update({
      year: v.year,
      status: v.status,
      batchId: v.batchId,
      region: v.region,
      q: v.q?.trim(),
      page: undefined,
    });
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
    {
      key: 'batch',
      title: t('batches.batch'),
      dataIndex: 'batch',
      render: (batch: Row['batch']) =>
        batch ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, whiteSpace: 'nowrap' }}
            onClick={() => update({ batchId: batch.id, page: undefined })}
          >
            {batch.name}
          </Button>
        ) : (
          '—'
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
      text={t('projects.emptyFiltered')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : can('project.write') ? (
    <EmptyHint text={t('projects.empty')} />
  ) : (
    <EmptyHint text={t('projects.emptyReadOnly')} />
  );

  return (
    <Flex vertical gap={16}>
      <ProjectsHeader />
      <Card size="small">
        <FilterForm<Filters>
          name="projectFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={clear}
        >
          <EnumFilterField name="year" label={t('projects.year')} values={programmeYears()} />
          <EnumFilterField
            name="status"
            label={t('projects.status')}
            values={projectStatuses}
            labelOf={(s) => t(`projects.statuses.${s}`)}
          />
          <CustomFilterField name="batchId" label={t('batches.batch')}>
            <BatchSelect
              known={
                query.batchId ? list.data?.items.find((p) => p.batch?.id === query.batchId)?.batch : null
              }
            />
          </CustomFilterField>
          <RegionFilterField
            label={t('inventory.filterRegion')}
            placeholder={t('inventory.filterRegionPlaceholder')}
            withCompounds
          />
          <SearchFilterField label={t('projects.filterQ')} placeholder={t('projects.filterQPlaceholder')} />
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
        data-testid="projects-table"
      />
    </Flex>
  );
}
