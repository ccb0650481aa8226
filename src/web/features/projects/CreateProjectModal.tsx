/** Start a project: a compound (searched by name, code or address) and the programme year. */
import { App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorReporter } from '../../shared/errors.js';
import { useIsPhone } from '../../shared/responsive.js';
import { CompoundSelect } from './CompoundSelect.js';
import { useCreateProject } from './queries.js';

interface Values {
  compoundId: string;
  year: number;
}

/** Programme years offered: from the seed letter's first year to two years ahead. */
export function programmeYears(): number[] {
  const last = new Date().getFullYear() + 2;
  return Array.from({ length: last - 2019 + 1 }, (_, i) => last - i);
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
