/**
 * Start a batch: several compounds renovated together in one year, one project each, all or none.
 * A compound the server refuses is marked in the picker and named under it with the reason.
 */
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { limits } from '../../../contract/common.js';
import { ApiError } from '../../shared/api.js';
import { useErrorReporter } from '../../shared/errors.js';
import { FormModal } from '../../shared/FormDrawer.js';
import { splitBatchFields } from './batchErrors.js';
import { type CompoundChoice, CompoundSelect } from './CompoundSelect.js';
import { YearField } from './CreateProjectModal.js';
import { useCreateBatch } from './queries.js';

interface Values {
  name: string;
  year: number;
  compoundIds: string[];
}

/** How many compounds a batch takes (CreateBatchBody.compoundIds). */
const fewest = 2;
const most = 200;

export function CreateBatchModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useErrorReporter();
  const [form] = Form.useForm<Values>();
  const create = useCreateBatch();
  const [picked, setPicked] = useState<ReadonlyMap<string, CompoundChoice>>(new Map());
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());

  const close = () => {
    setProblems(new Map());
    onClose();
  };

  /** A refused compound is marked in the picker and named under it; other problems go as usual. */
  const onError = (error: unknown) => {
    const sent: string[] = form.getFieldValue('compoundIds') ?? [];
    const { perCompound, rest } = splitBatchFields(
      error instanceof ApiError ? error.fields : undefined,
      sent,
    );
    setProblems(perCompound);
    if (perCompound.size === 0 || !(error instanceof ApiError)) return false;
    form.setFields([
      {
        name: 'compoundIds',
        errors: [...perCompound].map(([id, text]) => `${picked.get(id)?.name ?? id}：${text}`),
      },
    ]);
    if (Object.keys(rest).length > 0) {
      report(new ApiError(error.status, error.code, error.message, rest), { form, fields: ['name', 'year'] });
    }
    return true;
  };

  return (
    <FormModal
      open={open}
      name="createBatch"
      form={form}
      fields={['name', 'year', 'compoundIds']}
      width={640}
      initialValues={{ year: new Date().getFullYear(), compoundIds: [] }}
      submit={(v: Values) =>
        create.mutateAsync({ name: v.name.trim(), year: v.year, compoundIds: v.compoundIds })
      }
      onSaved={(batch) => {
        void message.success(t('batches.created', { name: batch.name, count: batch.projects }));
        navigate(`/projects?batchId=${batch.id}`);
      }}
      onError={onError}
      onClose={close}
      onValuesChange={(changed: Partial<Values>) => {
        const ids = changed.compoundIds;
        if (ids) setProblems((before) => new Map([...before].filter(([id]) => ids.includes(id))));
      }}
      title={t('batches.createTitle')}
      okText={t('batches.createSubmit')}
    >
      <Form.Item
        name="name"
        label={t('batches.name')}
        rules={[
          { required: true, whitespace: true, message: t('batches.nameRequired') },
          { max: limits.name.max },
        ]}
      >
        <Input maxLength={limits.name.max} placeholder={t('batches.namePlaceholder')} />
      </Form.Item>
      <YearField />
      <Form.Item
        name="compoundIds"
        label={t('projects.compound')}
        extra={t('batches.compoundsHelp', { min: fewest, max: most })}
        rules={[
          {
            validator: (_, ids: string[] | undefined) =>
              (ids?.length ?? 0) >= fewest && (ids?.length ?? 0) <= most
                ? Promise.resolve()
                : Promise.reject(new Error(t('batches.compoundsCount', { min: fewest, max: most }))),
          },
        ]}
      >
        <CompoundSelect multiple problems={problems} onPicked={setPicked} />
      </Form.Item>
    </FormModal>
  );
}
