/** 工作专班 and 部门: the headquarters' task forces and the departments pooled into them (short, unpaged lists). */
import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Department, TaskForce } from '../../../contract/organisation.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useDepartments, useTaskForceList } from './queries.js';
import { ExportButton, RegistryToolbar, TagList } from './RegistryParts.js';

type TaskForceRow = z.infer<typeof TaskForce>;
type DepartmentRow = z.infer<typeof Department>;

/** What a whole-list query's table shows when it failed or has nothing. */
function ListEmpty({
  list,
  empty,
}: {
  list: { isError: boolean; error: Error | null; refetch: () => unknown };
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  if (!list.isError) return <EmptyHint text={empty} />;
  return (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error?.message ?? '' })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  );
}

export function TaskForcesTab() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const list = useTaskForceList();
  return (
    <Flex vertical gap={12}>
      <RegistryToolbar hint={t('organisation.taskForcesHint')}>
        <ExportButton registry="task_forces" />
      </RegistryToolbar>
      <Table<TaskForceRow>
        rowKey="id"
        size={isPhone ? 'middle' : 'small'}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <ListEmpty list={list} empty={t('organisation.taskForcesEmpty')} /> }}
        columns={[
          { key: 'name', title: t('organisation.taskForce'), dataIndex: 'name' },
          {
            key: 'lead',
            title: t('organisation.leadDepartment'),
            dataIndex: 'lead',
            render: (lead: TaskForceRow['lead']) =>
              lead ? (
                <Tag color="blue">{lead.name}</Tag>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            key: 'members',
            title: t('organisation.memberDepartments'),
            dataIndex: 'members',
            render: (members: TaskForceRow['members']) => <TagList names={members.map((m) => m.name)} />,
          },
        ]}
      />
    </Flex>
  );
}

export function DepartmentsTab() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const list = useDepartments();
  return (
    <Flex vertical gap={12}>
      <RegistryToolbar hint={t('organisation.departmentsHint')}>
        <ExportButton registry="departments" />
      </RegistryToolbar>
      <Table<DepartmentRow>
        rowKey="id"
        size={isPhone ? 'middle' : 'small'}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <ListEmpty list={list} empty={t('organisation.departmentsEmpty')} /> }}
        columns={[
          { key: 'name', title: t('organisation.department'), dataIndex: 'name' },
          {
            key: 'pooled',
            title: t('organisation.pooled'),
            dataIndex: 'pooled',
            render: (pooled: boolean) =>
              pooled ? <Tag color="green">{t('organisation.pooledYes')}</Tag> : '—',
          },
          {
            key: 'leads',
            title: t('organisation.leads'),
            dataIndex: 'leads',
            render: (names: string[]) => <TagList names={names} />,
          },
          {
            key: 'memberOf',
            title: t('organisation.memberOf'),
            dataIndex: 'memberOf',
            render: (names: string[]) => <TagList names={names} />,
          },
        ]}
      />
    </Flex>
  );
}
