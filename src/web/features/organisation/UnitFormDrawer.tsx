/** Add a unit that sends cadres, or rename one and name its leader. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { limits } from '../../../contract/common.js';
import type { Unit, UpdateUnitBody } from '../../../contract/organisation.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { CadreSelect } from './pickers.js';
import { useCreateUnit, useUpdateUnit } from './queries.js';
import { useEditedRecord } from './RegistryParts.js';

export type UnitRow = z.infer<typeof Unit>;

/** `null` while closed; `{}` to add a unit; `{ unit }` to edit one. */
export type UnitFormMode = { unit?: UnitRow } | null;

interface UnitValues {
  name: string;
  leaderCadreId?: string;
}

const fields = ['name', 'leaderCadreId'] as const;

const valuesOf = (u: UnitRow): UnitValues => ({ name: u.name, leaderCadreId: u.leader?.id });

export function UnitFormDrawer(props: {
  mode: UnitFormMode;
  onClose: () => void;
  reload: (id: string) => Promise<UnitRow | undefined>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UnitValues>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  // The record the form was filled from: its version goes with the update (a newer one after a 409).
  const { base, drawer } = useEditedRecord({
    mode: props.mode && { record: props.mode.unit },
    created: 'organisation.unitCreated',
    reload: props.reload,
    form,
    valuesOf,
    onClose: props.onClose,
  });

  const submit = (v: UnitValues) => {
    const name = v.name.trim();
    const leaderCadreId = v.leaderCadreId ?? null;
    if (!base) return create.mutateAsync({ name, leaderCadreId });
    const body: UpdateUnitBody = { version: base.version };
    if (name !== base.name) body.name = name;
    if (leaderCadreId !== (base.leader?.id ?? null)) body.leaderCadreId = leaderCadreId;
    return update.mutateAsync({ id: base.id, body });
  };

  return (
    <FormDrawer<UnitValues, UnitRow>
      {...drawer}
      name="unit"
      form={form}
      fields={fields}
      submit={submit}
      title={base ? t('organisation.unitEditTitle', { name: base.name }) : t('organisation.unitCreateTitle')}
    >
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
    </FormDrawer>
  );
}
