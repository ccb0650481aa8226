/**
 * Add a catalogue item, or edit one (its code stays). When someone else saved the item meanwhile,
 * the drawer loads their version and says so, and the user saves again on top of it.
 */
import { Alert, App, Form, Input, InputNumber, Radio, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { type CatalogueItem, CreateCatalogueItemBody } from '../../../contract/projects.js';
import { itemCategories } from '../../../domain/projects.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { useCreateCatalogueItem, useUpdateCatalogueItem } from './queries.js';

type Values = Omit<CreateCatalogueItemBody, 'code'> & { code?: string };
const fieldNames = ['code', 'name', 'category', 'unit', 'mandatory', 'sort'] as const;

const valuesOf = ({ code, name, category, unit, mandatory, sort }: CatalogueItem): Values => ({
  code,
  name,
  category,
  unit,
  mandatory,
  sort,
});

export type CatalogueDrawerMode =
  | { kind: 'create'; nextSort: number }
  | { kind: 'edit'; item: CatalogueItem };

export function CatalogueDrawer({
  mode,
  onClose,
  reload,
}: {
  mode: CatalogueDrawerMode | null;
  onClose: () => void;
  /** Fetch the catalogue again; answers the item's newest version (after a conflict). */
  reload: (code: string) => Promise<CatalogueItem | undefined>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCatalogueItem();
  const update = useUpdateCatalogueItem();
  // The version the edit is based on: the item's, or the newer one loaded after a conflict.
  const [base, setBase] = useState<CatalogueItem | null>(null);
  const editing = mode?.kind === 'edit' ? (base ?? mode.item) : null;

  const close = () => {
    setBase(null);
    onClose();
  };
  const onConflict = async (code: string) => {
    const fresh = await reload(code);
    if (!fresh) return;
    setBase(fresh);
    form.setFieldsValue(valuesOf(fresh));
  };
  const submit = (v: Values) => {
    const fields = {
      name: v.name.trim(),
      category: v.category,
      unit: v.unit.trim(),
      mandatory: v.mandatory,
      sort: v.sort,
    };
    return editing
      ? update.mutateAsync({ code: editing.code, body: { version: editing.version, ...fields } })
      : create.mutateAsync({ code: (v.code ?? '').trim(), ...fields });
  };

  return (
    <FormDrawer<Values, CatalogueItem>
      open={mode !== null}
      name="catalogueItem"
      form={form}
      fields={fieldNames}
      width={480}
      initialValues={
        mode?.kind === 'edit'
          ? valuesOf(mode.item)
          : { category: 'basic', mandatory: false, sort: mode?.nextSort ?? 0 }
      }
      submit={submit}
      onSaved={(item) => void message.success(t('catalogue.saved', { name: item.name }))}
      {...(editing ? { onConflict: () => void onConflict(editing.code) } : {})}
      onClose={close}
      notice={
        base && <Alert type="warning" showIcon title={t('catalogue.conflict')} style={{ marginBottom: 16 }} />
      }
      title={editing ? t('catalogue.editTitle', { name: editing.name }) : t('catalogue.createTitle')}
    >
      <Form.Item
        name="code"
        label={t('catalogue.code')}
        extra={editing ? t('catalogue.codeFixed') : t('catalogue.codeHelp')}
        rules={[
          { required: !editing, whitespace: true },
          {
            validator: (_, value: string | undefined) =>
              editing || !value || CreateCatalogueItemBody.shape.code.safeParse(value).success
                ? Promise.resolve()
                : Promise.reject(new Error(t('catalogue.codeInvalid'))),
          },
        ]}
      >
        <Input
          disabled={Boolean(editing)}
          maxLength={limits.catalogueCode.max}
          autoCapitalize="none"
          autoComplete="off"
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('catalogue.name')}
        rules={[{ required: true, whitespace: true }, { max: limits.name.max }]}
      >
        <Input maxLength={limits.name.max} placeholder={t('catalogue.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="category" label={t('project.category')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={itemCategories.map((c) => ({ value: c, label: t(`project.categories.${c}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="unit"
        label={t('catalogue.unit')}
        rules={[{ required: true, whitespace: true }, { max: limits.unitOfMeasure.max }]}
      >
        <Input maxLength={limits.unitOfMeasure.max} placeholder={t('catalogue.unitPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="mandatory"
        label={t('catalogue.mandatory')}
        extra={t('catalogue.mandatoryHelp')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="sort"
        label={t('catalogue.sort')}
        extra={t('catalogue.sortHelp')}
        rules={[{ required: true }]}
      >
        <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}
