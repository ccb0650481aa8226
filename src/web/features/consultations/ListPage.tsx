/** 征求意见: every consultation in scope; staff open one for a compound (or its project) here. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { limits } from '../../../contract/common.js';
import {
  type Consultation,
  ConsultationListQuery,
  type CreateConsultationBody,
  consultationStatuses,
} from '../../../contract/consultations.js';
import { districtToday } from '../../../domain/ledger.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { EnumFilterField, FilterForm } from '../../shared/FilterForm.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { dateItemProps } from '../../shared/format.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { CompoundSelect } from '../projects/CompoundSelect.js';
import { useProjectList } from '../projects/queries.js';
import { useSettings } from '../settings/queries.js';
import { StatusTag } from './labels.js';
import { useConsultations, useCreateConsultation } from './queries.js';

interface Filters {
  status?: Consultation['status'];
  region?: string;
}

function ProjectSelect({
  compoundId,
  ...props
}: {
  compoundId?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const list = useProjectList({ status: 'consulting', pageSize: 100, page: 1 });
  const options = (list.data?.items ?? [])
    .filter((p) => p.compoundId === compoundId)
    .map((p) => ({ value: p.id, label: `${p.year} · ${p.compoundName}` }));
  return <Select {...props} allowClear disabled={!compoundId} options={options} />;
}

function OpenDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const settings = useSettings();
  const lists = settings.data?.consultations.stageLists ?? [];
  const [form] = Form.useForm<CreateConsultationBody>();
  const compoundId = Form.useWatch('compoundId', form);
  const create = useCreateConsultation();
  // The settings may arrive after the drawer opened: the first stage list is then filled in when
  // they do, where the form's initial values had none to offer.
  const firstList = lists[0]?.code;
  useEffect(() => {
    if (open && firstList && !form.getFieldValue('stageList')) form.setFieldValue('stageList', firstList);
  }, [open, firstList, form]);
  return (
    <FormDrawer<CreateConsultationBody, Awaited<ReturnType<typeof create.mutateAsync>>>
      open={open}
      title={t('consult.openTitle')}
      name="openConsultation"
      form={form}
      initialValues={{ openedOn: districtToday(), stageList: lists[0]?.code }}
      fields={['compoundId', 'projectId', 'title', 'stageList', 'openedOn']}
      submit={(v) => create.mutateAsync(v)}
      onSaved={(c) => {
        void message.success(t('consult.opened'));
        void navigate(`/consultations/${c.id}`);
      }}
      onClose={onClose}
    >
      <Form.Item name="compoundId" label={t('consult.compound')} rules={[{ required: true }]}>
        <CompoundSelect />
      </Form.Item>
      <Form.Item name="projectId" label={t('consult.project')} extra={t('consult.projectHint')}>
        <ProjectSelect compoundId={compoundId} />
      </Form.Item>
      <Form.Item name="title" label={t('consult.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.title.max} />
      </Form.Item>
      <Form.Item name="stageList" label={t('consult.stageList')} rules={[{ required: true }]}>
        <Select options={lists.map((l) => ({ value: l.code, label: l.name }))} />
      </Form.Item>
      <Form.Item
        name="openedOn"
        label={t('consult.openedOn')}
        rules={[{ required: true }]}
        {...dateItemProps}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}

export function ListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { query, update, key } = useListParams(ConsultationListQuery);
  const list = useConsultations(query);
  const [form] = Form.useForm<Filters>();
  const [opening, setOpening] = useState(false);
  const filters: Filters = { status: query.status, region: query.region };
  const apply = (v: Filters) => update({ ...v, page: undefined });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.consultationList')}
        </Typography.Title>
        {can('consultation.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            {t('consult.open')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <FilterForm<Filters>
          name="consultationFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={() => apply({})}
        >
          <EnumFilterField
            name="status"
            label={t('consult.status')}
            values={consultationStatuses}
            labelOf={(s) => t(`consult.statuses.${s}`)}
          />
          <RegionFilterField label={t('consult.region')} />
        </FilterForm>
      </Card>
      <ServerTable<Consultation>
        list={list}
        query={query}
        rowKey="id"
        onChange={(p) => update({ page: p.current, pageSize: p.pageSize })}
        locale={{ emptyText: <EmptyHint text={t('consult.empty')} /> }}
        columns={[
          {
            title: t('consult.compound'),
            dataIndex: 'compoundName',
            render: (name: string, c) => <Link to={`/consultations/${c.id}`}>{name}</Link>,
          },
          { title: t('consult.title'), dataIndex: 'title' },
          { title: t('consult.stageList'), dataIndex: 'stageListName' },
          { title: t('consult.openedOn'), dataIndex: 'openedOn' },
          {
            title: t('consult.status'),
            dataIndex: 'status',
            render: (s: Consultation['status']) => <StatusTag status={s} />,
          },
          {
            title: t('consult.responses'),
            key: 'answers',
            render: (_v, c) => `${c.answers} / ${c.households}`,
          },
        ]}
      />
      <OpenDrawer open={opening} onClose={() => setOpening(false)} />
    </Flex>
  );
}
