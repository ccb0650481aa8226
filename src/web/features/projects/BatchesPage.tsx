/** 项目批次: compounds renovated together, with their projects counted by stage; each count opens those projects. */
import { Alert, Button, Card, Flex, Form, type TableColumnsType, type TableProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { type Batch, BatchListQuery } from '../../../contract/projects.js';
import { projectStatuses } from '../../../domain/inventory.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { EnumFilterField, FilterForm } from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { formatNumber } from '../../shared/numbers.js';
import { regionNames, useRegions } from '../../shared/regions.js';
import { useIsPhone } from '../../shared/responsive.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { programmeYears } from './CreateProjectModal.js';
import { projectStatusColour } from './labels.js';
import { ProjectsHeader } from './ProjectsHeader.js';
import { useBatches } from './queries.js';

type Row = z.infer<typeof Batch>;
interface Filters {
  year?: number;
}

const projectsOf = (batchId: string, status?: string) =>
  `/projects?${new URLSearchParams({ batchId, ...(status ? { status } : {}) }).toString()}`;

export function BatchesPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const can = useCan();
  const regions = useRegions();
  const { query, update, key } = useListParams(BatchListQuery);
  const list = useBatches(query);
  const [form] = Form.useForm<Filters>();
  const apply = (v: Filters) => update({ year: v.year, page: undefined });
  const clear = () => apply({});

  const onChange: TableProps<Row>['onChange'] = (pagination) => {
    const sizeChanged = pagination.pageSize !== query.pageSize;
    update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
  };

  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: t('batches.name'),
      dataIndex: 'name',
      render: (name: string, b) => (
        <Link to={projectsOf(b.id)} style={{ whiteSpace: 'nowrap' }}>
          {name}
        </Link>
      ),
    },
    { key: 'year', title: t('projects.year'), dataIndex: 'year', align: 'right' },
    {
      key: 'region',
      title: t('batches.region'),
      dataIndex: 'regionCode',
      render: (code: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{regionNames(regions.data, [code])[0]}</span>
      ),
    },
    {
      key: 'projects',
      title: t('batches.projects'),
      dataIndex: 'projects',
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
    {
      key: 'byStatus',
      title: t('batches.byStatus'),
      render: (_, b) => (
        <Flex gap={4} wrap style={{ minWidth: 200 }}>
          {projectStatuses.flatMap((s) => {
            const n = b.byStatus[s] ?? 0;
            return n > 0
              ? [
                  <Link key={s} to={projectsOf(b.id, s)}>
                    <Tag color={projectStatusColour[s]} style={{ cursor: 'pointer' }}>
                      {t(`projects.statuses.${s}`)} {formatNumber(n)}
                    </Tag>
                  </Link>,
                ]
              : [];
          })}
        </Flex>
      ),
    },
  ];

  const emptyText = list.isError ? (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error.message })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  ) : query.year !== undefined ? (
    <EmptyHint
      text={t('batches.emptyFiltered')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyHint text={can('project.write') ? t('batches.empty') : t('batches.emptyReadOnly')} />
  );

  return (
    <Flex vertical gap={16}>
      <ProjectsHeader />
      <Card size="small">
        <FilterForm<Filters>
          name="batchFilters"
          form={form}
          values={{ year: query.year }}
          syncKey={key}
          onSearch={apply}
          onReset={clear}
        >
          <EnumFilterField name="year" label={t('projects.year')} values={programmeYears()} />
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
        data-testid="batches-table"
      />
    </Flex>
  );
}
