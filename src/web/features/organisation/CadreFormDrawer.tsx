/** Add a cadre, or edit one: level, unit, work region, superior (no loops) and phone. */
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { limits } from '../../../contract/common.js';
import { type Cadre, cadreLevels, UpdateCadreBody } from '../../../contract/organisation.js';
import type { CadreLevel } from '../../../domain/projects.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { RegionSelect } from '../../shared/RegionSelect.js';
import { useCan } from '../../shared/session.js';
import { CadreSelect, UnitSelect } from './pickers.js';
import { useCreateCadre, useUpdateCadre } from './queries.js';
import { useEditedRecord } from './RegistryParts.js';

export type CadreRow = z.infer<typeof Cadre>;

/** `null` while closed; `{}` to add a cadre; `{ cadre }` to edit one. */
export type CadreFormMode = { cadre?: CadreRow } | null;

interface CadreValues {
  name: string;
  level: CadreLevel;
  regionCode: string;
  unitId?: string;
  superiorId?: string;
  phone?: string;
}

const fields = ['name', 'level', 'regionCode', 'unitId', 'superiorId', 'phone'] as const;

const valuesOf = (c: CadreRow): CadreValues => ({
  name: c.name,
  level: c.level,
  regionCode: c.regionCode,
  unitId: c.unitId ?? undefined,
  superiorId: c.superior?.id ?? undefined,
  phone: c.phone ?? undefined,
});

/** The fields that differ from the record the form was filled from, as the PATCH body takes them. */
function changes(base: CadreRow, v: CadreValues): UpdateCadreBody {
  const before = valuesOf(base);
  const body: UpdateCadreBody = { version: base.version };
  if (v.name.trim() !== before.name) body.name = v.name.trim();
  if (v.level !== before.level) body.level = v.level;
  if (v.regionCode !== before.regionCode) body.regionCode = v.regionCode;
  if (v.unitId !== before.unitId) body.unitId = v.unitId ?? null;
  if (v.superiorId !== before.superiorId) body.superiorId = v.superiorId ?? null;
  if ((v.phone ?? '') !== (before.phone ?? '')) body.phone = v.phone?.trim() || null;
  return body;
}

export function CadreFormDrawer(props: {
  mode: CadreFormMode;
  onClose: () => void;
  /** The cadre as the server now has it (after a 409), or undefined when it is no longer listed. */
  reload: (id: string) => Promise<CadreRow | undefined>;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [form] = Form.useForm<CadreValues>();
  const create = useCreateCadre();
  const update = useUpdateCadre();
  // The record the form was filled from: its version goes with the update (a newer one after a 409).
  const { base, drawer } = useEditedRecord({
    mode: props.mode && { record: props.mode.cadre },
    created: 'organisation.cadreCreated',
    reload: props.reload,
    form,
    valuesOf,
    onClose: props.onClose,
  });

  const submit = (v: CadreValues) =>
    base
      ? update.mutateAsync({ id: base.id, body: changes(base, v) })
      : create.mutateAsync({
          name: v.name.trim(),
          level: v.level,
          regionCode: v.regionCode,
          unitId: v.unitId ?? null,
          superiorId: v.superiorId ?? null,
          phone: v.phone?.trim() || null,
        });

  const known = base?.superior ? [base.superior] : [];
  return (
    <FormDrawer<CadreValues, CadreRow>
      {...drawer}
      name="cadre"
      form={form}
      fields={fields}
      submit={submit}
      title={
        base ? t('organisation.cadreEditTitle', { name: base.name }) : t('organisation.cadreCreateTitle')
      }
    >
      <Form.Item
        name="name"
        label={t('organisation.cadreName')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={limits.name.max} autoComplete="off" />
      </Form.Item>
      <Form.Item name="level" label={t('organisation.level')} rules={[{ required: true }]}>
        <Select options={cadreLevels.map((l) => ({ value: l, label: t(`organisation.levels.${l}`) }))} />
      </Form.Item>
      <Form.Item name="unitId" label={t('organisation.unit')} extra={t('organisation.unitHelp')}>
        <UnitSelect known={base?.unitId && base.unitName ? { id: base.unitId, name: base.unitName } : null} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('organisation.region')}
        extra={t('organisation.regionHelp')}
        rules={[{ required: true }]}
      >
        <RegionSelect placeholder={t('organisation.regionPlaceholder')} />
      </Form.Item>
      <Form.Item name="superiorId" label={t('organisation.superior')} extra={t('organisation.superiorHelp')}>
        <CadreSelect known={known} exclude={base?.id} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('organisation.phone')}
        extra={can('cadre.personal') ? undefined : t('organisation.phoneMasked')}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              !value?.trim() || UpdateCadreBody.shape.phone.safeParse(value.trim()).success
                ? Promise.resolve()
                : Promise.reject(new Error(t('organisation.phoneInvalid'))),
          },
        ]}
      >
        <Input
          inputMode="tel"
          maxLength={limits.phone.max}
          autoComplete="off"
          disabled={!can('cadre.personal')}
        />
      </Form.Item>
    </FormDrawer>
  );
}
