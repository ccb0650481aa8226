/**
 * Add a catalogue item, or edit one (its code stays). When someone else saved the item meanwhile,
 * the drawer loads their version and says so, and the user saves again on top of it.
 */
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Radio, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { type CatalogueItem, CreateCatalogueItemBody } from '../../../contract/projects.js';
import { itemCategories } from '../../../domain/projects.js';
import { useErrorReporter } from '../../shared/errors.js';
import { useIsPhone } from '../../shared/responsive.js';
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
  const report = useErrorReporter();
  const isPhone = useIsPhone();
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
  const onFinish = (v: Values) => {
    const fields = {
      name: v.name.trim(),
      category: v.category,
      unit: v.unit.trim(),
      mandatory: v.mandatory,
      sort: v.sort,
    };
    const onSuccess = (item: CatalogueItem) => {
      void message.success(t('catalogue.saved', { name: item.name }));
      close();
    };
    if (editing) {
      update.mutate(
        { code: editing.code, body: { version: editing.version, ...fields } },
        {
          onSuccess,
          onError: (error) =>
            report(error, { form, fields: fieldNames, onConflict: () => void onConflict(editing.code) }),
        },
      );
    } else {
      create.mutate(
        { code: (v.code ?? '').trim(), ...fields },
        { onSuccess, onError: (error) => report(error, { form, fields: fieldNames }) },
      );
    }
  };

  return (
    <Drawer
      open={mode !== null}
      onClose={close}
      size={isPhone ? '100%' : 480}
      destroyOnHidden
      title={editing ? t('catalogue.editTitle', { name: editing.name }) : t('catalogue.createTitle')}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {base && <Alert type="warning" showIcon title={t('catalogue.conflict')} style={{ marginBottom: 16 }} />}
      <Form<Values>
        name="catalogueItem"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={
          mode?.kind === 'edit'
            ? valuesOf(mode.item)
            : { category: 'basic', mandatory: false, sort: mode?.nextSort ?? 0 }
        }
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
      </Form>
    </Drawer>
  );
}
