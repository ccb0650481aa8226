/**
 * Pieces every registry tab shares: its toolbar with the Excel export, a region picker, tag lists,
 * the form drawer and the notice after a 409.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Drawer, Flex, Space, Tag, TreeSelect, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../contract/api.js';
import type { registries } from '../../../contract/organisation.js';
import { ApiError, downloadUrl } from '../../shared/api.js';
import { useRegions } from '../../shared/regions.js';
import { useIsPhone } from '../../shared/responsive.js';
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

/** One region from the caller's region tree (district, subdistricts, communities). */
export function RegionSelect(props: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <TreeSelect
      {...props}
      showSearch
      allowClear
      treeNodeFilterProp="title"
      treeData={regions.data?.tree ?? []}
      treeDefaultExpandedKeys={regions.data?.expanded ?? []}
      loading={regions.isPending}
      placeholder={props.placeholder ?? t('organisation.regionPlaceholder')}
      style={{ width: '100%' }}
    />
  );
}

/** True when a save was refused because someone else changed the record first (409). */
export const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'CONFLICT';

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
  return { raise: () => setConflict(true), clear: () => setConflict(false), notice };
}

/** A registry's add/edit form in a drawer: full width on a phone, Save and Cancel at the foot. */
export function FormDrawer(props: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSave: () => void;
  saving: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={isPhone ? '100%' : 520}
      destroyOnHidden
      title={props.title}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={props.saving} onClick={props.onSave}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {props.children}
    </Drawer>
  );
}
