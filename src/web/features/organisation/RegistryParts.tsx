/** Pieces every registry tab shares: its toolbar with the Excel export, tag lists and the notice after a 409. */
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../contract/api.js';
import type { registries } from '../../../contract/organisation.js';
import { ApiError, downloadUrl } from '../../shared/api.js';
import { useCan } from '../../shared/session.js';

export type Registry = (typeof registries)[number];

/** "导出Excel": the whole registry as the sheet offices keep; cadres' phones only when asked for and allowed. */
export function ExportButton({ registry }: { registry: Registry }) {
  const { t } = useTranslation();
  const can = useCan();
  const [withPhones, setWithPhones] = useState(false);
  const offerPhones = registry === 'cadres' && can('cadre.personal');
  const href = downloadUrl(api.registryExport, {
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

/** True when a save was refused because someone else changed the record first (409). */
const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'CONFLICT';

/**
 * An edit form's answer to a 409 (someone else saved the record first): a notice asking the user
 * to reload, whose button runs `reload` (fetch the record again and refill the form).
 */
export function useConflictNotice(reload: () => Promise<void>) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const onReload = () => {
    setReloading(true);
    void reload().finally(() => {
      setReloading(false);
      setConflict(false);
    });
  };
  const notice = conflict ? (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict"
      title={t('organisation.conflict')}
      action={
        <Button size="small" loading={reloading} onClick={onReload}>
          {t('organisation.reload')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  ) : null;
  /** A form drawer's `onError`: a 409 raises the notice (and is handled); anything else is not. */
  const onError = (error: unknown) => {
    if (!isConflict(error)) return false;
    setConflict(true);
    return true;
  };
  return { onError, clear: () => setConflict(false), notice };
}
