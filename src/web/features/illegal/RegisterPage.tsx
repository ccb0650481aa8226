/** 违建台账: every structure in scope with filters in the URL; surveyors register new ones here. */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { limits } from '../../../contract/common.js';
import {
  type CreateStructureBody,
  type Structure,
  StructureListQuery,
  structureStatuses,
} from '../../../contract/illegal.js';
import { districtToday } from '../../../domain/ledger.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useErrorReporter } from '../../shared/errors.js';
import { EnumFilterField, FilterForm, SearchFilterField } from '../../shared/FilterForm.js';
import { dateItemProps } from '../../shared/format.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { useHouseholds } from '../inventory/queries.js';
import { CompoundSelect } from '../projects/CompoundSelect.js';
import { useSettings } from '../settings/queries.js';
import { LeaderTag, placeOf, StatusTag } from './labels.js';
import { useCreateStructure, useStructures } from './queries.js';

interface Filters {
  status?: Structure['status'];
  outstanding?: 'true';
  leaders?: 'true';
  type?: string;
  region?: string;
  q?: string;
}

function useTypes() {
  const settings = useSettings();
  return settings.data?.illegal.types ?? [];
}

function HouseholdSelect({
  compoundId,
  ...props
}: {
  compoundId?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useHouseholds(compoundId ?? '', { pageSize: 100, q: q || undefined });
  return (
    <Select
      {...props}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      disabled={!compoundId}
      placeholder={t('illegal.householdPlaceholder')}
      options={(compoundId ? (list.data?.items ?? []) : []).map((h) => ({
        value: h.id,
        label: `${h.building} ${h.unit} ${h.room}`,
      }))}
    />
  );
}

function RegisterDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useErrorReporter();
  const types = useTypes();
  const [form] = Form.useForm<CreateStructureBody>();
  const compoundId = Form.useWatch('compoundId', form);
  const create = useCreateStructure();
  const submit = (values: CreateStructureBody) =>
    create.mutate(values, {
      onSuccess: (s) => {
        void message.success(s.duplicateOf ? t('illegal.duplicate') : t('illegal.registered'));
        form.resetFields();
        onClose();
        void navigate(`/illegal/${s.id}`);
      },
      onError: (error) =>
        report(error, {
          form,
          fields: ['compoundId', 'householdId', 'type', 'location', 'surveyOn', 'surveyor'],
        }),
    });
  return (
    <Drawer open={open} onClose={onClose} title={t('illegal.registerTitle')} size="large" destroyOnHidden>
      <Form
        form={form}
        name="registerStructure"
        layout="vertical"
        initialValues={{ surveyOn: districtToday(), ownerPartyMember: false, ownerPublicEmployee: false }}
        onFinish={submit}
      >
        <Form.Item name="compoundId" label={t('illegal.compound')} rules={[{ required: true }]}>
          <CompoundSelect />
        </Form.Item>
        <Form.Item name="householdId" label={t('illegal.household')}>
          <HouseholdSelect compoundId={compoundId} />
        </Form.Item>
        <Form.Item name="type" label={t('illegal.type')} rules={[{ required: true }]}>
          <Select options={types.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="location" label={t('illegal.location')}>
          <Input maxLength={limits.shortNote.max} />
        </Form.Item>
        <Form.Item
          name="surveyOn"
          label={t('illegal.surveyOn')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="surveyor" label={t('illegal.surveyor')} rules={[{ required: true }]}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="ownerPartyMember" valuePropName="checked">
          <Checkbox>{t('illegal.ownerPartyMember')}</Checkbox>
        </Form.Item>
        <Form.Item name="ownerPublicEmployee" valuePropName="checked">
          <Checkbox>{t('illegal.ownerPublicEmployee')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('illegal.register')}
        </Button>
      </Form>
    </Drawer>
  );
}

export function RegisterPage() {
  const { t } = useTranslation();
  const can = useCan();
  const types = useTypes();
  const { query, update, key } = useListParams(StructureListQuery);
  const list = useStructures(query);
  const [form] = Form.useForm<Filters>();
  const [registering, setRegistering] = useState(false);
  const navigate = useNavigate();
  const filters: Filters = {
    status: query.status,
    outstanding: query.outstanding === 'true' ? 'true' : undefined,
    leaders: query.leaders === 'true' ? 'true' : undefined,
    type: query.type,
    region: query.region,
    q: query.q,
  };
  const apply = (v: Filters) => update({ ...v, q: v.q?.trim(), page: undefined });
  const clear = () => apply({});
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.illegalRegister')}
        </Typography.Title>
        {can('illegal.write') && (
          <Flex gap={8} wrap>
            <Button icon={<UploadOutlined />} onClick={() => void navigate('/illegal/import')}>
              {t('illegal.importSurvey')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              {t('illegal.register')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Card size="small">
        <FilterForm<Filters>
          name="illegalFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={clear}
        >
          <EnumFilterField
            name="status"
            label={t('illegal.status')}
            values={structureStatuses}
            labelOf={(s) => t(`illegal.statuses.${s}`)}
          />
          <EnumFilterField
            name="outstanding"
            label={t('illegal.outstanding')}
            values={['true'] as const}
            labelOf={() => t('illegal.onlyOutstanding')}
          />
          <EnumFilterField
            name="leaders"
            label={t('illegal.leaders')}
            values={['true'] as const}
            labelOf={() => t('illegal.onlyLeaders')}
          />
          <EnumFilterField name="type" label={t('illegal.type')} values={types} labelOf={(v) => v} />
          <RegionFilterField label={t('illegal.region')} withCompounds />
          <SearchFilterField label={t('illegal.filterQ')} placeholder={t('illegal.filterQPlaceholder')} />
        </FilterForm>
      </Card>
      <ServerTable<Structure>
        list={list}
        query={query}
        rowKey="id"
        onChange={(p) => update({ page: p.current, pageSize: p.pageSize })}
        locale={{
          emptyText: <EmptyHint text={filtered ? t('illegal.emptyFiltered') : t('illegal.empty')} />,
        }}
        columns={[
          {
            title: t('illegal.compound'),
            dataIndex: 'compoundName',
            render: (name: string, s) => <Link to={`/illegal/${s.id}`}>{name}</Link>,
          },
          { title: t('illegal.place'), key: 'place', render: (_v, s) => placeOf(s) || '—' },
          { title: t('illegal.type'), dataIndex: 'type' },
          { title: t('illegal.surveyOn'), dataIndex: 'surveyOn' },
          {
            title: t('illegal.verifiedArea'),
            dataIndex: 'verifiedArea',
            render: (a: number | null) => a ?? '—',
          },
          {
            title: t('illegal.status'),
            dataIndex: 'status',
            render: (_v, s) => (
              <Flex gap={4} wrap>
                <StatusTag status={s.status} />
                <LeaderTag structure={s} />
              </Flex>
            ),
          },
          {
            title: t('illegal.lastVisit'),
            dataIndex: 'lastVisit',
            render: (v: Structure['lastVisit']) =>
              v ? `${v.on} ${t(`illegal.outcomes.${v.outcome}`)}` : '—',
          },
        ]}
      />
      <RegisterDrawer open={registering} onClose={() => setRegistering(false)} />
    </Flex>
  );
}
