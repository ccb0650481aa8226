/** Start a project: a compound (searched by name, code or address) and the programme year. */
import { App, Flex, Form, Modal, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorReporter } from '../../shared/errors.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useDebounced } from '../../shared/useDebounced.js';
import { StatusTag } from '../inventory/labels.js';
import { useCompoundSearch, useCreateProject } from './queries.js';

interface Values {
  compoundId: string;
  year: number;
}

/** Programme years offered: from the seed letter's first year to two years ahead. */
export function programmeYears(): number[] {
  const last = new Date().getFullYear() + 2;
  return Array.from({ length: last - 2019 + 1 }, (_, i) => last - i);
}

function CompoundSelect(props: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(search.trim());
  const list = useCompoundSearch(q, open || q !== '');
  const compounds = list.data?.items ?? [];
  return (
    <Select<string>
      {...props}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      loading={list.isFetching}
      placeholder={t('projects.compoundPlaceholder')}
      notFoundContent={
        list.isFetching ? (
          <Spin size="small" />
        ) : (
          <Typography.Text type="secondary">{t('projects.compoundNotFound')}</Typography.Text>
        )
      }
      options={compounds.map((c) => ({ value: c.id, label: c.name, title: c.name, compound: c }))}
      optionRender={(option) => {
        const c = option.data.compound;
        return (
          <Flex vertical>
            <Flex gap={4} align="center" wrap>
              <span>{c.name}</span>
              {c.isOld && <Tag color="volcano">{t('inventory.oldTag')}</Tag>}
              <StatusTag status={c.status} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[c.code, c.subdistrictName, c.regionName].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}

export function CreateProjectModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useErrorReporter();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();

  const close = () => {
    form.resetFields();
    onClose();
  };
  const onFinish = (values: Values) =>
    create.mutate(values, {
      onSuccess: (project) => {
        void message.success(t('projects.created', { name: project.compoundName, year: project.year }));
        close();
        navigate(`/projects/${project.id}`);
      },
      onError: (error) => report(error, { form, fields: ['compoundId', 'year'] }),
    });

  return (
    <Modal
      open={open}
      title={t('projects.createTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('projects.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={isPhone ? '100%' : 560}
    >
      <Form<Values>
        name="createProject"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ year: new Date().getFullYear() }}
      >
        <Form.Item
          name="compoundId"
          label={t('projects.compound')}
          extra={t('projects.compoundHelp')}
          rules={[{ required: true, message: t('projects.compoundRequired') }]}
        >
          <CompoundSelect />
        </Form.Item>
        <Form.Item name="year" label={t('projects.year')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={programmeYears().map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
