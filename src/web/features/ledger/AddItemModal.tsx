/**
 * Add one item to the supervision ledger: what, who owns it (a cadre or a unit), by when, which
 * task force supervises it; for a project or on its own.
 */
import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { priorities } from '../../../contract/ledger.js';
import { districtToday } from '../../../domain/ledger.js';
import { FormModal } from '../../shared/FormDrawer.js';
import { dateFormat, dateItemProps } from '../../shared/format.js';
import { useIsPhone } from '../../shared/responsive.js';
import type { Priority } from './labels.js';
import { OwnerFields, TaskForceSelect } from './OwnerFields.js';
import { type OwnerValues, ownerBody, ownerFieldNames } from './owner.js';
import { ProjectSelect } from './ProjectSelect.js';
import { useCreateLedgerItem } from './queries.js';

interface Values extends OwnerValues {
  title: string;
  deadline: string;
  priority: Priority;
  projectId?: string;
}

/** Deadlines are days in the district (UTC+8), whatever the device's clock zone: before today is refused. */
export const beforeToday = (d: Dayjs) => d.format(dateFormat) < districtToday();

export function AddItemModal({
  open,
  onClose,
  project,
}: {
  open: boolean;
  onClose: () => void;
  /** The project the item belongs to; without it the user may pick one (or none). */
  project?: { id: string; regionCode: string; compoundName: string };
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const create = useCreateLedgerItem();

  return (
    <FormModal
      open={open}
      name="ledgerItem"
      form={form}
      fields={['title', ...ownerFieldNames, 'deadline', 'priority', 'projectId']}
      width={560}
      initialValues={{ priority: 'normal', ownerKind: 'cadre' }}
      submit={(v: Values) =>
        create.mutateAsync({
          title: v.title.trim(),
          ...ownerBody(v),
          deadline: v.deadline,
          priority: v.priority,
          ...((project?.id ?? v.projectId) ? { projectId: project?.id ?? v.projectId } : {}),
        })
      }
      onSaved={(item) => void message.success(t('ledger.added', { title: item.title }))}
      onClose={onClose}
      title={project ? t('ledger.addForProject', { name: project.compoundName }) : t('ledger.add')}
    >
      <Form.Item
        name="title"
        label={t('ledger.item')}
        rules={[{ required: true, whitespace: true }, { max: limits.title.max }]}
      >
        <Input maxLength={limits.title.max} placeholder={t('ledger.itemPlaceholder')} />
      </Form.Item>
      <OwnerFields region={project?.regionCode} />
      <Form.Item name="deadline" label={t('ledger.deadline')} rules={[{ required: true }]} {...dateItemProps}>
        <DatePicker style={{ width: '100%' }} disabledDate={beforeToday} inputReadOnly={isPhone} />
      </Form.Item>
      <Form.Item name="priority" label={t('ledger.priority')}>
        <Select options={priorities.map((p) => ({ value: p, label: t(`ledger.priorities.${p}`) }))} />
      </Form.Item>
      <Form.Item name="taskForceId" label={t('ledger.taskForce')} extra={t('ledger.taskForceHelp')}>
        <TaskForceSelect />
      </Form.Item>
      {!project && (
        <Form.Item name="projectId" label={t('ledger.project')} extra={t('ledger.projectHelp')}>
          <ProjectSelect />
        </Form.Item>
      )}
    </FormModal>
  );
}
