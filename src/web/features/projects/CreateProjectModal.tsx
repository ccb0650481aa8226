/** Start a project: a compound (searched by name, code or address) and the programme year. */
import { App, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../shared/FormDrawer.js';
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

/** The programme year a new project or batch starts in. */
export function YearField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="year" label={t('projects.year')} rules={[{ required: true }]}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        options={programmeYears().map((y) => ({ value: y, label: String(y) }))}
      />
    </Form.Item>
  );
}

export function CreateProjectModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();

  return (
    <FormModal
      open={open}
      name="createProject"
      form={form}
      fields={['compoundId', 'year']}
      width={560}
      initialValues={{ year: new Date().getFullYear() }}
      submit={(values) => create.mutateAsync(values)}
      onSaved={(project) => {
        void message.success(t('projects.created', { name: project.compoundName, year: project.year }));
        navigate(`/projects/${project.id}`);
      }}
      onClose={onClose}
      title={t('projects.createTitle')}
      okText={t('projects.createSubmit')}
    >
      <Form.Item
        name="compoundId"
        label={t('projects.compound')}
        extra={t('projects.compoundHelp')}
        rules={[{ required: true, message: t('projects.compoundRequired') }]}
      >
        <CompoundSelect />
      </Form.Item>
      <YearField />
    </FormModal>
  );
}
