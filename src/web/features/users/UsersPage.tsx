/** Admin › Users: filter, page and sort on the server; create, edit, disable/enable, reset password. */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Popconfirm,
  Select,
  Space,
  type TableColumnsType,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type User, UserListQuery } from '../../../contract/users.js';
import type { Role } from '../../../domain/access.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useErrorReporter } from '../../shared/errors.js';
import {
  CustomFilterField,
  EnumFilterField,
  FilterForm,
  SearchFilterField,
} from '../../shared/FilterForm.js';
import { formatDateTime } from '../../shared/format.js';
import { useListParams } from '../../shared/listParams.js';
import { regionNames, useRegions } from '../../shared/regions.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useRoleLabels } from '../../shared/roles.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useMe } from '../../shared/session.js';
import { useInvalidateUsers, useUpdateUser, useUserList } from './queries.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';
import { UserFormDrawer, type UserFormMode } from './UserFormDrawer.js';

interface UserFilters {
  q?: string;
  role?: Role;
  disabled?: 'true' | 'false';
}

type SortField = 'username' | 'createdAt' | 'lastLoginAt';

function sortOrder(sort: UserListQuery['sort'], field: SortField) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

function StatusTag({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag>{t('users.disabled')}</Tag>;
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) {
    return <Tag color="orange">{t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}</Tag>;
  }
  return <Tag color="green">{t('users.active')}</Tag>;
}

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const _isPhone = useIsPhone();
  const roles = useRoleLabels();
  const { data: me } = useMe();
  const regions = useRegions();
  const { query, update, key } = useListParams(UserListQuery);
  const list = useUserList(query);
  const updateUser = useUpdateUser();
  const invalidate = useInvalidateUsers();
  const [filterForm] = Form.useForm<UserFilters>();
  const [drawer, setDrawer] = useState<UserFormMode | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const filtered = Boolean(query.q || query.role || query.disabled);
  const clearFilters = () => update({ q: undefined, role: undefined, disabled: undefined, page: undefined });

  const toggleDisabled = (user: User) =>
    updateUser
      .mutateAsync({ id: user.id, body: { version: user.version, disabled: !user.disabled } })
      .then((saved) => {
        const done = saved.disabled ? 'users.disabledDone' : 'users.enabledDone';
        void message.success(t(done, { username: saved.username }));
      })
      .catch((error: unknown) => report(error, { onConflict: () => void invalidate() }));

  const onChange: TableProps<User>['onChange'] = (pagination, _filters, sorter, { action }) => {
    if (action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const sort = s?.order ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined;
      update({ sort, page: undefined });
    } else if (action === 'paginate') {
      const sizeChanged = pagination.pageSize !== query.pageSize;
      update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
    }
  };

  const columns: TableColumnsType<User> = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      sorter: true,
      sortOrder: sortOrder(query.sort, 'username'),
      sortDirections: ['ascend', 'descend'],
      render: (username: string, user) => (
        <Typography.Text strong>
          {username}
          {user.id === me?.user.id && <Typography.Text type="secondary">{t('users.self')}</Typography.Text>}
        </Typography.Text>
      ),
    },
    { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('users.role'), dataIndex: 'role', render: (role: Role) => roles.label(role) },
    {
      key: 'scope',
      title: t('users.scope'),
      dataIndex: 'scopeRegions',
      render: (codes: string[]) =>
        codes.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap style={{ maxWidth: 280 }}>
            {regionNames(regions.data, codes).map((name, i) => (
              <Tag key={codes[i]}>{name}</Tag>
            ))}
          </Space>
        ),
    },
    { key: 'status', title: t('users.status'), render: (_, user) => <StatusTag user={user} /> },
    {
      key: 'lastLoginAt',
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrder(query.sort, 'lastLoginAt'),
      sortDirections: ['ascend', 'descend'],
      render: (at: string | null) =>
        at ? (
          formatDateTime(at)
        ) : (
          <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>
        ),
    },
    {
      key: 'createdAt',
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrder(query.sort, 'createdAt'),
      sortDirections: ['ascend', 'descend'],
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setDrawer({ kind: 'edit', id: user.id })}>
            {t('common.edit')}
          </Button>
          {user.id !== me?.user.id && (
            <Popconfirm
              title={t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', {
                username: user.username,
              })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => toggleDisabled(user)}
            >
              <Button type="link" danger={!user.disabled}>
                {user.disabled ? t('users.enable') : t('users.disable')}
              </Button>
            </Popconfirm>
          )}
          <Button type="link" onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ kind: 'create' })}>
      {t('users.create')}
    </Button>
  );
  const emptyText = list.isError ? (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error.message })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  ) : filtered ? (
    <EmptyHint
      text={t('users.emptyFiltered')}
      action={<Button onClick={clearFilters}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyHint text={t('users.empty')} action={createButton} />
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        {createButton}
      </Flex>
      <Card size="small">
        <FilterForm<UserFilters>
          name="userFilters"
          form={filterForm}
          values={{ q: query.q, role: query.role, disabled: query.disabled }}
          syncKey={key}
          onSearch={(v) => update({ q: v.q?.trim(), role: v.role, disabled: v.disabled, page: undefined })}
          onReset={clearFilters}
        >
          <SearchFilterField label={t('users.filterQ')} placeholder={t('users.filterQPlaceholder')} />
          <CustomFilterField name="role" label={t('users.filterRole')}>
            <Select allowClear placeholder={t('common.all')} options={roles.options} />
          </CustomFilterField>
          <EnumFilterField
            name="disabled"
            label={t('users.filterStatus')}
            values={['false', 'true'] as const}
            labelOf={(v) => (v === 'true' ? t('users.disabled') : t('users.active'))}
          />
        </FilterForm>
      </Card>
      {list.isError && list.data && <Alert type="error" showIcon title={list.error.message} />}
      <ServerTable<User>
        list={list}
        query={query}
        rowKey="id"
        columns={columns}
        onChange={onChange}
        locale={{ emptyText }}
      />
      <UserFormDrawer mode={drawer} onClose={() => setDrawer(null)} />
      <ResetPasswordModal target={resetting} onClose={() => setResetting(null)} />
    </Flex>
  );
}
