/**
 * 旧改监督员: the registry in scope with filters in the URL; staff register supervisors, appoint
 * them to their compound's project and give them a login (its first password shown once).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import {
  type CreateSupervisorBody,
  type ResidentSupervisor,
  SupervisorListQuery,
} from '../../../contract/supervisors.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { EnumFilterField, FilterForm, SearchFilterField } from '../../shared/FilterForm.js';
import { FormDrawer, FormModal } from '../../shared/FormDrawer.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { CompoundSelect } from '../projects/CompoundSelect.js';
import { useCompoundProjects, useSupervisors, useSupervisorWrite, writes } from './queries.js';

interface Filters {
  region?: string;
  login?: 'true' | 'false';
  q?: string;
}

function AddDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateSupervisorBody>();
  const create = useSupervisorWrite(writes.create);
  return (
    <FormDrawer
      open={open}
      name="addSupervisor"
      title={t('supervisors.addTitle')}
      form={form}
      fields={['name', 'compoundId', 'phone']}
      submit={(v: CreateSupervisorBody) => create.mutateAsync({ ...v, phone: v.phone || null })}
      onSaved={() => void message.success(t('supervisors.added'))}
      onClose={onClose}
    >
      <Form.Item name="compoundId" label={t('supervisors.compound')} rules={[{ required: true }]}>
        <CompoundSelect />
      </Form.Item>
      <Form.Item name="name" label={t('supervisors.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.name.max} />
      </Form.Item>
      <Form.Item name="phone" label={t('supervisors.phone')}>
        <Input maxLength={limits.phone.max} inputMode="tel" />
      </Form.Item>
    </FormDrawer>
  );
}

function AppointModal({ s, onClose }: { s: ResidentSupervisor | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ projectId: string }>();
  const projects = useCompoundProjects(s?.compoundId ?? '', s?.compoundName ?? '', s !== null);
  const appoint = useSupervisorWrite((body: { projectId: string }) => writes.appoint(s?.id ?? '')(body));
  return (
    <FormModal
      open={s !== null}
      name="appointSupervisor"
      title={`${t('supervisors.appointTitle')} · ${s?.compoundName ?? ''}`}
      form={form}
      fields={['projectId']}
      loading={projects.isPending}
      submit={(v: { projectId: string }) => appoint.mutateAsync(v)}
      onSaved={() => void message.success(t('supervisors.appointed'))}
      onClose={onClose}
    >
      <Form.Item name="projectId" label={t('supervisors.project')} rules={[{ required: true }]}>
        <Select
          options={(projects.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.compoundName} ${p.year} · ${t(`projects.statuses.${p.status}`)}`,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}

function LoginModal({ s, onClose }: { s: ResidentSupervisor | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ username: string }>();
  const make = useSupervisorWrite((body: { username: string }) => writes.login(s?.id ?? '')(body));
  return (
    <FormModal
      open={s !== null}
      name="supervisorLogin"
      title={t('supervisors.giveLoginTitle')}
      form={form}
      fields={['username']}
      submit={(v: { username: string }) => make.mutateAsync(v)}
      onSaved={(made) =>
        modal.info({
          title: t('supervisors.loginMade'),
          content: (
            <Space direction="vertical">
              <Typography.Text>{made.username}</Typography.Text>
              <Typography.Text>{t('supervisors.loginPassword')}</Typography.Text>
              <Typography.Text code copyable data-testid="generated-password">
                {made.password}
              </Typography.Text>
            </Space>
          ),
        })
      }
      onClose={onClose}
    >
      <Form.Item
        name="username"
        label={t('supervisors.username')}
        rules={[
          {
            required: true,
            min: limits.username.min,
            max: limits.username.max,
            pattern: /^[a-zA-Z0-9._-]+$/,
          },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}

/** A supervisor's appointments, each one removable (audited; the login then no longer reaches it). */
function Appointments({ s }: { s: ResidentSupervisor }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useSupervisorWrite((projectId: string) => writes.unappoint(s.id, projectId));
  if (!s.projects.length) return <>—</>;
  return (
    <Space size={4} wrap>
      {s.projects.map((p) => (
        <Tag key={p.id} style={{ marginInlineEnd: 0 }}>
          {p.year} {t(`projects.statuses.${p.status}`)}{' '}
          <Popconfirm
            title={t('supervisors.unappointConfirm')}
            onConfirm={async () => {
              await remove.mutateAsync(p.id);
              void message.success(t('supervisors.unappointed'));
            }}
          >
            <Button type="link" size="small" danger style={{ padding: 0, height: 'auto' }}>
              {t('supervisors.unappoint')}
            </Button>
          </Popconfirm>
        </Tag>
      ))}
    </Space>
  );
}

export function RegistryPage() {
  const { t } = useTranslation();
  const { query, update, key } = useListParams(SupervisorListQuery);
  const list = useSupervisors(query);
  const [form] = Form.useForm<Filters>();
  const [adding, setAdding] = useState(false);
  const [appointing, setAppointing] = useState<ResidentSupervisor | null>(null);
  const [giving, setGiving] = useState<ResidentSupervisor | null>(null);
  const filters: Filters = { region: query.region, login: query.login, q: query.q };
  const apply = (v: Filters) => update({ ...v, q: v.q?.trim(), page: undefined });
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.supervisorsRegistry')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('supervisors.add')}
        </Button>
      </Flex>
      <Card size="small">
        <FilterForm<Filters>
          name="supervisorFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={() => apply({})}
        >
          <RegionFilterField label={t('supervisors.region')} />
          <EnumFilterField
            name="login"
            label={t('supervisors.login')}
            values={['true', 'false'] as const}
            labelOf={(v) => t(`supervisors.logins.${v}`)}
          />
          <SearchFilterField
            label={t('supervisors.filterQ')}
            placeholder={t('supervisors.filterQPlaceholder')}
          />
        </FilterForm>
      </Card>
      <ServerTable<ResidentSupervisor>
        list={list}
        query={query}
        rowKey="id"
        onChange={(p) => update({ page: p.current, pageSize: p.pageSize })}
        locale={{
          emptyText: <EmptyHint text={filtered ? t('supervisors.emptyFiltered') : t('supervisors.empty')} />,
        }}
        columns={[
          { title: t('supervisors.name'), dataIndex: 'name' },
          { title: t('supervisors.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          { title: t('supervisors.compound'), dataIndex: 'compoundName' },
          {
            title: t('supervisors.projects'),
            dataIndex: 'projects',
            render: (_ps: ResidentSupervisor['projects'], s) => <Appointments s={s} />,
          },
          { title: t('supervisors.reports'), dataIndex: 'reports' },
          {
            title: t('supervisors.username'),
            dataIndex: 'username',
            render: (u: string | null) => u ?? t('supervisors.noLogin'),
          },
          {
            title: '',
            key: 'actions',
            render: (_v, s) => (
              <Space>
                <Button size="small" onClick={() => setAppointing(s)}>
                  {t('supervisors.appoint')}
                </Button>
                {!s.username && (
                  <Button size="small" onClick={() => setGiving(s)}>
                    {t('supervisors.giveLogin')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AddDrawer open={adding} onClose={() => setAdding(false)} />
      <AppointModal s={appointing} onClose={() => setAppointing(null)} />
      <LoginModal s={giving} onClose={() => setGiving(null)} />
    </Flex>
  );
}
