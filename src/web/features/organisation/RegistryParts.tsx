/** Pieces every registry tab shares: its toolbar with the Excel export, tag lists and the notice after a 409. */
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, type FormInstance, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { registries } from '../../../contract/organisation.js';
import { organisationEndpoints } from '../../../contract/organisation.js';
import { ApiError, downloadUrl } from '../../shared/api.js';
import { useCan } from '../../shared/session.js';

export type Registry = (typeof registries)[number];

/** "导出Excel": the whole registry as the sheet offices keep; cadres' phones only when asked for and allowed. */
export function ExportButton({ registry }: { registry: Registry }) {
  const { t } = useTranslation();
  const can = useCan();
  const [withPhones, setWithPhones] = useState(false);
  const offerPhones = registry === 'cadres' && can('cadre.personal');
  const href = downloadUrl(organisationEndpoints.registryExport, {
    query: { registry, includePersonal: offerPhones && withPhones ? 'true' : 'false' },
  });
  return (
    <Space wrap>
      {offerPhones && (
        <Checkbox checked={withPhones} onChange={(e) => setWithPhones(e.target.checked)}>
          {t('organisation.includePhones')}
        </Checkbox>
      )}
      <Button href={href} download icon={<FileExcelOutlined />} data-testid={`export-${registry}`}>
        {t('organisation.export')}
      </Button>
    </Space>
  );
}

/** A tab's first row: what the registry is, then its actions (export, add). */
export function RegistryToolbar({ hint, children }: { hint: ReactNode; children: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Typography.Text type="secondary" style={{ flex: '1 1 240px' }}>
        {hint}
      </Typography.Text>
      <Flex gap={8} wrap align="center">
        {children}
      </Flex>
    </Flex>
  );
}

/** Names as tags, or a dash when there are none. */
export function TagList({ names }: { names: readonly string[] }) {
  if (names.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap style={{ maxWidth: 480 }}>
      {names.map((name) => (
        <Tag key={name}>{name}</Tag>
      ))}
    </Space>
  );
}

/**
 * The record an edit drawer is filled from, and its answer to a 409 (someone else saved the record
 * first): a notice asking the user to reload, whose button fetches the record again and refills
 * the form, so the newer version goes with the next save; the drawer closes if the record is gone.
 */
export function useEditedRecord<T extends { id: string; name: string }, V>(options: {
  /** Null while the drawer is closed; the record being edited, or undefined when adding one. */
  mode: { record?: T | undefined } | null;
  /** What a save of a new record says ("已添加：…"); an edit says "已保存：…". */
  created: 'organisation.cadreCreated' | 'organisation.unitCreated';
  /** The record as the server now has it, or undefined when it is no longer listed. */
  reload: (id: string) => Promise<T | undefined>;
  form: FormInstance<V>;
  valuesOf: (record: T) => V;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [fresh, setFresh] = useState<T | undefined>();
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const base = fresh ?? options.mode?.record;
  const close = () => {
    setConflict(false);
    setFresh(undefined);
    options.onClose();
  };
  const onReload = async () => {
    setReloading(true);
    try {
      const reloaded = base && (await options.reload(base.id));
      if (!reloaded) return close();
      setFresh(reloaded);
      options.form.setFieldsValue(
        options.valuesOf(reloaded) as Parameters<FormInstance<V>['setFieldsValue']>[0],
      );
    } finally {
      setReloading(false);
      setConflict(false);
    }
  };
  const notice = conflict ? (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict"
      title={t('organisation.conflict')}
      action={
        <Button size="small" loading={reloading} onClick={() => void onReload()}>
          {t('organisation.reload')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  ) : null;
  /** A form drawer's `onError`: a 409 raises the notice (and is handled); anything else is not. */
  const onError = (error: unknown) => {
    if (!(error instanceof ApiError && error.code === 'CONFLICT')) return false;
    setConflict(true);
    return true;
  };
  const onSaved = (saved: T) =>
    void message.success(t(base ? 'organisation.saved' : options.created, { name: saved.name }));
  /** The FormDrawer's props that follow from the record: spread them onto it. */
  const drawer = {
    open: options.mode !== null,
    initialValues: base && options.valuesOf(base),
    onSaved,
    onError,
    onClose: close,
    notice,
  };
  return { base, drawer };
}
