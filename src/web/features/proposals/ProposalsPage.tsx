/** 提案办理: every proposal with its deadline and status; staff register new ones here. */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { limits } from '../../../contract/common.js';
import {
  type CreateProposalBody,
  ProposalListQuery,
  type ProposalRow,
  proposalKinds,
  proposalStatuses,
} from '../../../contract/proposals.js';
import { districtToday } from '../../../domain/ledger.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useErrorReporter } from '../../shared/errors.js';
import { EnumFilterField, FilterForm, SearchFilterField } from '../../shared/FilterForm.js';
import { dateItemProps } from '../../shared/format.js';
import { useListParams } from '../../shared/listParams.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { useCreateProposal, useProposals } from './queries.js';

interface Filters {
  status?: ProposalRow['status'];
  overdue?: 'true';
  q?: string;
}

const splitNames = (s: string) =>
  s
    .split(/[、,，;；\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);

function RegisterDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useErrorReporter();
  const [form] = Form.useForm<Omit<CreateProposalBody, 'members'> & { members: string }>();
  const create = useCreateProposal();
  const submit = (v: Omit<CreateProposalBody, 'members'> & { members: string }) =>
    create.mutate(
      { ...v, members: splitNames(v.members) },
      {
        onSuccess: (p) => {
          void message.success(t('proposals.registered'));
          form.resetFields();
          onClose();
          void navigate(`/proposals/${p.id}`);
        },
        onError: (error) =>
          report(error, {
            form,
            fields: ['committee', 'session', 'number', 'title', 'members', 'receivedOn'],
          }),
      },
    );
  return (
    <Drawer open={open} onClose={onClose} title={t('proposals.register')} size="large" destroyOnHidden>
      <Form
        form={form}
        name="registerProposal"
        layout="vertical"
        initialValues={{ committee: '市政协', kind: 'proposal', receivedOn: districtToday() }}
        onFinish={submit}
      >
        <Form.Item name="committee" label={t('proposals.committee')} rules={[{ required: true }]}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="session" label={t('proposals.session')} rules={[{ required: true }]}>
          <Input maxLength={limits.name.max} placeholder="十三届一次会议" />
        </Form.Item>
        <Form.Item name="number" label={t('proposals.number')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('proposals.kind')}>
          <Select options={proposalKinds.map((k) => ({ value: k, label: t(`proposals.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('proposals.title')} rules={[{ required: true }]}>
          <Input maxLength={limits.title.max} />
        </Form.Item>
        <Form.Item
          name="members"
          label={t('proposals.members')}
          extra={t('proposals.membersHint')}
          rules={[{ required: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('proposals.body')}>
          <Input.TextArea rows={4} maxLength={limits.letterBody.max} />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('proposals.receivedOn')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('proposals.register')}
        </Button>
      </Form>
    </Drawer>
  );
}

export function ProposalsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { query, update, key } = useListParams(ProposalListQuery);
  const list = useProposals(query);
  const [form] = Form.useForm<Filters>();
  const [registering, setRegistering] = useState(false);
  const filters: Filters = {
    status: query.status,
    overdue: query.overdue === 'true' ? 'true' : undefined,
    q: query.q,
  };
  const apply = (v: Filters) => update({ ...v, q: v.q?.trim(), page: undefined });
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.proposals')}
        </Typography.Title>
        {can('proposal.handle') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            {t('proposals.register')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <FilterForm<Filters>
          name="proposalFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={() => apply({})}
        >
          <EnumFilterField
            name="status"
            label={t('proposals.status')}
            values={proposalStatuses}
            labelOf={(s) => t(`proposals.statuses.${s}`)}
          />
          <EnumFilterField
            name="overdue"
            label={t('proposals.overdue')}
            values={['true'] as const}
            labelOf={() => t('proposals.onlyOverdue')}
          />
          <SearchFilterField label={t('proposals.filterQ')} placeholder={t('proposals.filterQPlaceholder')} />
        </FilterForm>
      </Card>
      <ServerTable<ProposalRow>
        list={list}
        query={query}
        rowKey="id"
        onChange={(p) => update({ page: p.current, pageSize: p.pageSize })}
        locale={{
          emptyText: <EmptyHint text={filtered ? t('proposals.emptyFiltered') : t('proposals.empty')} />,
        }}
        columns={[
          {
            title: t('proposals.number'),
            dataIndex: 'number',
            render: (n: number, p) => `${p.committee}${p.session} 第${n}号`,
          },
          {
            title: t('proposals.title'),
            dataIndex: 'title',
            render: (title: string, p) => <Link to={`/proposals/${p.id}`}>{title}</Link>,
          },
          { title: t('proposals.members'), dataIndex: 'members', render: (m: string[]) => m.join('、') },
          {
            title: t('proposals.leadUnit'),
            dataIndex: 'leadUnitName',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('proposals.deadline'),
            dataIndex: 'deadline',
            render: (d: string | null, p) => (
              <Flex gap={4} wrap>
                {d ?? '—'}
                {p.overdue && <Tag color="red">{t('proposals.overdue')}</Tag>}
              </Flex>
            ),
          },
          {
            title: t('proposals.status'),
            dataIndex: 'status',
            render: (s: ProposalRow['status']) => <Tag>{t(`proposals.statuses.${s}`)}</Tag>,
          },
          { title: t('proposals.grade'), dataIndex: 'grade', render: (g: string | null) => g ?? '—' },
        ]}
      />
      <RegisterDrawer open={registering} onClose={() => setRegistering(false)} />
    </Flex>
  );
}
