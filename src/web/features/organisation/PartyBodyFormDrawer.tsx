/** Form a party body (a temporary party organisation, commando team, vanguard post or co-building unit) in a region. */
import { App, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { partyBodyKinds } from '../../../contract/organisation.js';
import { useErrorReporter } from '../../shared/errors.js';
import { useCreatePartyBody } from './queries.js';
import { FormDrawer, RegionSelect } from './RegistryParts.js';

type PartyBodyKind = (typeof partyBodyKinds)[number];

interface PartyBodyValues {
  kind: PartyBodyKind;
  name: string;
  regionCode: string;
}

const fields = ['kind', 'name', 'regionCode'] as const;

export function PartyBodyFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<PartyBodyValues>();
  const create = useCreatePartyBody();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const onFinish = (v: PartyBodyValues) =>
    create.mutate(
      { kind: v.kind, name: v.name.trim(), regionCode: v.regionCode },
      {
        onSuccess: (saved) => {
          void message.success(t('organisation.bodyCreated', { name: saved.name }));
          onClose();
        },
        onError: (error) => report(error, { form, fields }),
      },
    );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={create.isPending}
      title={t('organisation.bodyCreateTitle')}
    >
      <Form
        name="partyBody"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'temp_party_org' }}
        scrollToFirstError
      >
        <Form.Item name="kind" label={t('organisation.kind')} rules={[{ required: true }]}>
          <Select options={partyBodyKinds.map((k) => ({ value: k, label: t(`organisation.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('organisation.bodyName')}
          extra={t('organisation.bodyNameHelp')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={limits.name.max} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('organisation.bodyRegion')}
          extra={t('organisation.bodyRegionHelp')}
          rules={[{ required: true }]}
        >
          <RegionSelect />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
