/** Form a party body (a temporary party organisation, commando team, vanguard post or co-building unit) in a region. */
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { partyBodyKinds } from '../../../contract/organisation.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { RegionSelect } from '../../shared/RegionSelect.js';
import { useCreatePartyBody } from './queries.js';

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
  const [form] = Form.useForm<PartyBodyValues>();
  const create = useCreatePartyBody();

  return (
    <FormDrawer<PartyBodyValues, { name: string }>
      open={open}
      name="partyBody"
      form={form}
      fields={fields}
      initialValues={{ kind: 'temp_party_org' }}
      submit={(v) => create.mutateAsync({ kind: v.kind, name: v.name.trim(), regionCode: v.regionCode })}
      onSaved={(saved) => void message.success(t('organisation.bodyCreated', { name: saved.name }))}
      onClose={onClose}
      title={t('organisation.bodyCreateTitle')}
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
        <RegionSelect placeholder={t('organisation.regionPlaceholder')} />
      </Form.Item>
    </FormDrawer>
  );
}
