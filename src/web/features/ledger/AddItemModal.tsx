/**
 * Add one item to the supervision ledger: what, who owns it (a cadre or a unit), by when, which
 * task force supervises it; for a project or on its own.
 */
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { priorities } from '../../../contract/ledger.js';
import { districtToday } from '../../../domain/ledger.js';
import { useErrorReporter } from '../../shared/errors.js';
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
  const report = useErrorReporter();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const create = useCreateLedgerItem();

  const close = () => {
    form.resetFields();
    onClose();
  };
  const onFinish = (v: Values) =>
    create.mutate(
      {
        title: v.title.trim(),
        ...ownerBody(v),
        deadline: v.deadline,
        priority: v.priority,
        ...((project?.id ?? v.projectId) ? { projectId: project?.id ?? v.projectId } : {}),
      },
      {
        onSuccess: (item) => {
          void message.success(t('ledger.added', { title: item.title }));
          close();
        },
        onError: (error) =>
          report(error, { form, fields: ['title', ...ownerFieldNames, 'deadline', 'priority', 'projectId'] }),
      },
    );

  return (
    <Modal
      open={open}
      title={project ? t('ledger.addForProject', { name: project.compoundName }) : t('ledger.add')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={isPhone ? '100%' : 560}
    >
      <Form<Values>
        name="ledgerItem"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ priority: 'normal', ownerKind: 'cadre' }}
      >
        <Form.Item
          name="title"
          label={t('ledger.item')}
          rules={[{ required: true, whitespace: true }, { max: limits.title.max }]}
        >
          <Input maxLength={limits.title.max} placeholder={t('ledger.itemPlaceholder')} />
        </Form.Item>
        <OwnerFields region={project?.regionCode} />
        <Form.Item
          name="deadline"
          label={t('ledger.deadline')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
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
      </Form>
    </Modal>
  );
}
