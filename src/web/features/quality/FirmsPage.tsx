/**
 * 参建单位: the registry of construction, supervising and design firms and their people; add and
 * edit a firm (its credit code's check character is verified by the server and shown on the
 * field), add a person and the login that acts for them.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  Space,
  type TableColumnsType,
  type TableProps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { type Firm, FirmListQuery, firmKinds } from '../../../contract/quality.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { EnumFilterField, FilterForm, SearchFilterField } from '../../shared/FilterForm.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { useListParams } from '../../shared/listParams.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { useAddFirmPerson, useCreateFirm, useFirms, useUpdateFirm } from './boardQueries.js';

interface FirmValues {
  name: string;
  creditCode: string;
  qualification?: string;
  contactName?: string;
  contactPhone?: string;
}
const firmFields = ['name', 'creditCode', 'qualification', 'contactName', 'contactPhone'] as const;
interface PersonValues {
  name: string;
  post?: string;
  phone?: string;
  username?: string;
}
const personFields = ['name', 'post', 'phone', 'username'] as const;
const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function FirmDrawer({ firm, onClose }: { firm: Firm | null | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FirmValues>();
  const create = useCreateFirm();
  const update = useUpdateFirm();
  const submit = (v: FirmValues) => {
    const body = {
      name: v.name.trim(),
      creditCode: v.creditCode.trim().toUpperCase(),
      qualification: v.qualification?.trim() ?? '',
      contactName: orNull(v.contactName),
      contactPhone: orNull(v.contactPhone),
    };
    return firm
      ? update.mutateAsync({ id: firm.id, body: { version: firm.version, ...body } })
      : create.mutateAsync(body);
  };
  return (
    <FormDrawer<FirmValues, Firm>
      open={firm !== undefined}
      name="firm"
      form={form}
      fields={firmFields}
      submit={submit}
      onClose={onClose}
      onSaved={(saved) => message.success(t(firm ? 'firms.saved' : 'firms.created', { name: saved.name }))}
      initialValues={
        firm
          ? {
              name: firm.name,
              creditCode: firm.creditCode,
              qualification: firm.qualification,
              contactName: firm.contactName ?? undefined,
              contactPhone: firm.contactPhone ?? undefined,
            }
          : {}
      }
      title={firm ? t('firms.editTitle', { name: firm.name }) : t('firms.createTitle')}
    >
      <Form.Item name="name" label={t('firms.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.name.max} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('firms.creditCode')}
        extra={t('firms.creditCodeHelp')}
        rules={[{ required: true, len: 18 }]}
      >
        <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="qualification" label={t('firms.qualification')}>
        <Input maxLength={limits.name.max} />
      </Form.Item>
      <Form.Item name="contactName" label={t('firms.contactName')}>
        <Input maxLength={limits.name.max} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('firms.contactPhone')}>
        <Input maxLength={limits.phone.max} inputMode="tel" />
      </Form.Item>
    </FormDrawer>
  );
}

function PersonDrawer({ firm, onClose }: { firm: Firm | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonValues>();
  const add = useAddFirmPerson();
  return (
    <FormDrawer<PersonValues, Firm>
      open={firm !== null}
      name="firmPerson"
      form={form}
      fields={personFields}
      submit={(v) =>
        add.mutateAsync({
          id: firm?.id ?? '',
          body: {
            name: v.name.trim(),
            post: v.post?.trim() ?? '',
            phone: orNull(v.phone),
            username: orNull(v.username),
          },
        })
      }
      onClose={onClose}
      onSaved={() => message.success(t('firms.personAdded', { name: form.getFieldValue('name') }))}
      title={t('firms.addPersonTitle', { name: firm?.name ?? '' })}
    >
      <Form.Item name="name" label={t('firms.personName')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.name.max} autoComplete="off" />
      </Form.Item>
      <Form.Item name="post" label={t('firms.post')}>
        <Input maxLength={limits.name.max} />
      </Form.Item>
      <Form.Item name="phone" label={t('firms.phone')}>
        <Input maxLength={limits.phone.max} inputMode="tel" />
      </Form.Item>
      <Form.Item name="username" label={t('firms.username')} extra={t('firms.usernameHelp')}>
        <Input maxLength={limits.username.max} autoComplete="off" />
      </Form.Item>
    </FormDrawer>
  );
}

export function FirmsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const mayWrite = can('firm.manage');
  const { query, update, key } = useListParams(FirmListQuery);
  const list = useFirms(query);
  const [filterForm] = Form.useForm<{ q?: string; kind?: string }>();
  // undefined: closed; null: a new firm; a firm: editing it.
  const [editing, setEditing] = useState<Firm | null | undefined>(undefined);
  const [adding, setAdding] = useState<Firm | null>(null);

  const onChange: TableProps<Firm>['onChange'] = (pagination) => {
    const sizeChanged = pagination.pageSize !== query.pageSize;
    update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
  };
  const columns: TableColumnsType<Firm> = [
    { key: 'name', title: t('firms.name'), dataIndex: 'name' },
    {
      key: 'creditCode',
      title: t('firms.creditCode'),
      dataIndex: 'creditCode',
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    { key: 'qualification', title: t('firms.qualification'), dataIndex: 'qualification' },
    {
      key: 'contact',
      title: t('firms.contactName'),
      render: (_: unknown, f) => [f.contactName, f.contactPhone].filter(Boolean).join(' ') || '—',
    },
    {
      key: 'people',
      title: t('firms.people'),
      render: (_: unknown, f) =>
        f.people.length
          ? f.people
              .map((p) => `${p.name}${p.post ? `（${p.post}）` : ''}${p.username ? ` @${p.username}` : ''}`)
              .join('、')
          : '—',
    },
    { key: 'projects', title: t('firms.projects'), dataIndex: 'projects', align: 'right' },
    ...(mayWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, f: Firm) => (
              <Space size={0}>
                <Button type="link" onClick={() => setEditing(f)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" onClick={() => setAdding(f)}>
                  {t('firms.addPerson')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  const filtered = Boolean(query.q || query.kind);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('firms.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('firms.hint')}</Typography.Text>
        </div>
        {mayWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('firms.create')}
          </Button>
        )}
      </Flex>
      <FilterForm<{ q?: string; kind?: string }>
        name="firmFilters"
        form={filterForm}
        values={{ q: query.q, kind: query.kind }}
        syncKey={key}
        onSearch={(v) => update({ q: v.q?.trim(), kind: v.kind, page: undefined })}
        onReset={() => update({ q: undefined, kind: undefined, page: undefined })}
      >
        <SearchFilterField label={t('firms.q')} placeholder={t('firms.qPlaceholder')} />
        <EnumFilterField
          name="kind"
          label={t('firms.kind')}
          values={firmKinds}
          labelOf={(k) => t(`firms.kinds.${k}`)}
        />
      </FilterForm>
      <ServerTable<Firm>
        list={list}
        query={query}
        rowKey="id"
        size="small"
        columns={columns}
        onChange={onChange}
        locale={{
          emptyText: list.isError ? (
            <EmptyHint text={t('errors.loadFailed', { message: list.error.message })} />
          ) : (
            <EmptyHint text={filtered ? t('firms.emptyFiltered') : t('firms.empty')} />
          ),
        }}
      />
      <FirmDrawer firm={editing} onClose={() => setEditing(undefined)} />
      <PersonDrawer firm={adding} onClose={() => setAdding(null)} />
    </Flex>
  );
}
