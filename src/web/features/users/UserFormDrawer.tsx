/** Create a user, or edit one's name, role and scope; scope is asked for only when the role needs one. */
import { Alert, App, Form, Input, Select, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { CreateUserBody, type User } from '../../../contract/users.js';
import { districtWideRoles, type Role } from '../../../domain/access.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { useRegions } from '../../shared/regions.js';
import { useRoleLabels } from '../../shared/roles.js';
import { CadreSelect } from '../organisation/pickers.js';
import { GeneratePassword, PasswordFields } from './PasswordFields.js';
import { useCreateUser, useUpdateUser, useUser } from './queries.js';

export type UserFormMode = { kind: 'create' } | { kind: 'edit'; id: string };

interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  scopeRegions: string[];
  password: string;
  confirm: string;
  mustChangePassword?: boolean;
  cadreId?: string;
}

const formFields = ['username', 'displayName', 'role', 'scopeRegions', 'password', 'cadreId'] as const;

const needsScope = (role: Role | undefined) => role !== undefined && !districtWideRoles.includes(role);

function ScopeSelect(props: { value?: string[]; onChange?: (value: string[]) => void; id?: string }) {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <TreeSelect
      {...props}
      multiple
      showSearch
      allowClear
      treeNodeFilterProp="title"
      treeData={regions.data?.tree ?? []}
      treeDefaultExpandedKeys={regions.data?.expanded ?? []}
      loading={regions.isPending}
      placeholder={t('users.scopePlaceholder')}
      style={{ width: '100%' }}
      popupMatchSelectWidth
    />
  );
}

export function UserFormDrawer({ mode, onClose }: { mode: UserFormMode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roles = useRoleLabels();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);
  const editing = mode?.kind === 'edit' ? mode.id : null;
  const user = useUser(editing);
  // The record the form was filled from: its version goes with the update, so a stale edit is refused.
  const [base, setBase] = useState<User | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();

  const fill = (u: User) => {
    form.setFieldsValue({
      displayName: u.displayName,
      role: u.role,
      scopeRegions: u.scopeRegions,
      cadreId: u.cadreId ?? undefined,
    });
    setBase(u);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill once per opened user, not on every render
  useEffect(() => {
    if (user.data && user.data.id !== base?.id) fill(user.data);
  }, [user.data]);

  const close = () => {
    setBase(null);
    onClose();
  };

  /** Sends the form; answers the words that say it was saved. */
  const submit = (values: UserFormValues): Promise<string> => {
    const scopeRegions = needsScope(values.role) ? (values.scopeRegions ?? []) : [];
    if (mode?.kind === 'create') {
      const { username, displayName, role, password } = values;
      const mustChangePassword = values.mustChangePassword ?? false;
      return create
        .mutateAsync({
          username: username.trim(),
          displayName,
          role,
          scopeRegions,
          password,
          mustChangePassword,
        })
        .then((created) => t('users.created', { username: created.username }));
    }
    if (!base) return Promise.reject(new Error('the user is not loaded yet'));
    const { displayName, role } = values;
    const cadreId = values.cadreId ?? null;
    return update
      .mutateAsync({
        id: base.id,
        body: {
          version: base.version,
          displayName,
          role,
          scopeRegions,
          ...(cadreId !== base.cadreId ? { cadreId } : {}),
        },
      })
      .then(() => t('users.saved'));
  };

  return (
    <FormDrawer<UserFormValues, string>
      open={mode !== null}
      name="user"
      form={form}
      fields={formFields}
      submit={submit}
      onSaved={(text) => void message.success(text)}
      onConflict={() => void user.refetch().then((r) => r.data && fill(r.data))}
      onClose={close}
      loading={editing !== null && !base}
      notice={
        user.isError && (
          <Alert type="error" showIcon title={user.error.message} style={{ marginBottom: 16 }} />
        )
      }
      title={
        mode?.kind === 'edit'
          ? t('users.editTitle', { username: base?.username ?? '' })
          : t('users.createTitle')
      }
    >
      {mode?.kind === 'create' ? (
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameHelp', { min: limits.username.min, max: limits.username.max })}
          validateFirst
          rules={[
            { required: true, whitespace: true },
            { min: limits.username.min },
            { max: limits.username.max },
            {
              validator: (_, value: string | undefined) =>
                !value || CreateUserBody.shape.username.safeParse(value.trim()).success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.usernameInvalid'))),
            },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" maxLength={limits.username.max} />
        </Form.Item>
      ) : (
        <Form.Item label={t('users.username')}>
          <Input value={base?.username} disabled />
        </Form.Item>
      )}
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true }, { max: limits.displayName.max }]}
      >
        <Input maxLength={limits.displayName.max} />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
        <Select
          options={roles.options}
          onChange={(next: Role) => {
            if (!needsScope(next)) form.setFieldValue('scopeRegions', []);
          }}
        />
      </Form.Item>
      {needsScope(role) ? (
        <Form.Item
          name="scopeRegions"
          label={t('users.scope')}
          extra={t('users.scopeHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.scopeRequired') }]}
        >
          <ScopeSelect />
        </Form.Item>
      ) : (
        role !== undefined && (
          <Form.Item label={t('users.scope')}>
            <Typography.Text type="secondary">{t('users.scopeWide')}</Typography.Text>
          </Form.Item>
        )
      )}
      {mode?.kind === 'edit' && (
        <Form.Item name="cadreId" label={t('users.cadre')} extra={t('users.cadreHelp')}>
          <CadreSelect />
        </Form.Item>
      )}
      {mode?.kind === 'create' && (
        <>
          <PasswordFields />
          <GeneratePassword form={form} />
        </>
      )}
    </FormDrawer>
  );
}
