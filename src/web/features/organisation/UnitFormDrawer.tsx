/** Add a unit that sends cadres, or rename one and name its leader. */
import { App, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { limits } from '../../../contract/common.js';
import type { Unit, UpdateUnitBody } from '../../../contract/organisation.js';
import { useErrorReporter } from '../../shared/errors.js';
import { CadreSelect } from './pickers.js';
import { useCreateUnit, useUpdateUnit } from './queries.js';
import { FormDrawer, isConflict, useConflictNotice } from './RegistryParts.js';

export type UnitRow = z.infer<typeof Unit>;

/** `null` while closed; `{}` to add a unit; `{ unit }` to edit one. */
export type UnitFormMode = { unit?: UnitRow } | null;

interface UnitValues {
  name: string;
  leaderCadreId?: string;
}

const fields = ['name', 'leaderCadreId'] as const;

export function UnitFormDrawer(props: {
  mode: UnitFormMode;
  onClose: () => void;
  reload: (id: string) => Promise<UnitRow | undefined>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<UnitValues>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const [base, setBase] = useState<UnitRow | undefined>();
  const fill = (u: UnitRow | undefined) => {
    form.resetFields();
    if (u) form.setFieldsValue({ name: u.name, leaderCadreId: u.leader?.id });
    setBase(u);
  };
  const conflict = useConflictNotice(async () => {
    const fresh = base && (await props.reload(base.id));
    if (fresh) fill(fresh);
    else props.onClose();
  });
  const close = () => {
    conflict.clear();
    props.onClose();
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill once each time the drawer opens
  useEffect(() => {
    if (props.mode) fill(props.mode.unit);
  }, [props.mode]);

  const onError = (error: Error) => (isConflict(error) ? conflict.raise() : report(error, { form, fields }));
  const onSuccess = (saved: UnitRow) => {
    void message.success(t(base ? 'organisation.saved' : 'organisation.unitCreated', { name: saved.name }));
    close();
  };
  const onFinish = (v: UnitValues) => {
    const name = v.name.trim();
    const leaderCadreId = v.leaderCadreId ?? null;
    if (!base) {
      create.mutate({ name, leaderCadreId }, { onSuccess, onError });
      return;
    }
    const body: UpdateUnitBody = { version: base.version };
    if (name !== base.name) body.name = name;
    if (leaderCadreId !== (base.leader?.id ?? null)) body.leaderCadreId = leaderCadreId;
    update.mutate({ id: base.id, body }, { onSuccess, onError });
  };

  return (
    <FormDrawer
      open={props.mode !== null}
      onClose={close}
      onSave={() => form.submit()}
      saving={create.isPending || update.isPending}
      title={base ? t('organisation.unitEditTitle', { name: base.name }) : t('organisation.unitCreateTitle')}
    >
      {conflict.notice}
      <Form name="unit" form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
        <Form.Item
          name="name"
          label={t('organisation.unitName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={limits.name.max} autoComplete="off" />
        </Form.Item>
        <Form.Item name="leaderCadreId" label={t('organisation.leader')} extra={t('organisation.leaderHelp')}>
          <CadreSelect known={base?.leader ? [base.leader] : []} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
