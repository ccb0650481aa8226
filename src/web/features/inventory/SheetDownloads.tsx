/**
 * Exports of the ledgers under the list's current filters, and the blank templates: plain links,
 * so the browser streams the file itself however large it is.
 */
import { DownloadOutlined, DownOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Dropdown, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { importsEndpoints, type LedgerKind, ledgerKinds, type SheetKind } from '../../../contract/imports.js';
import { downloadUrl } from '../../shared/api.js';
import { useCan } from '../../shared/session.js';
import type { CompoundFilterValues } from './CompoundFilters.js';

type Format = 'xlsx' | 'csv';

/** The address of a ledger export under these filters; personal data only ever for the household ledger. */
export function exportUrl(
  kind: LedgerKind,
  format: Format,
  filters: CompoundFilterValues,
  personal: boolean,
) {
  return downloadUrl(importsEndpoints.exportSheet, {
    params: { kind },
    query: {
      ...filters,
      format,
      ...(personal && kind === 'households' ? { includePersonal: 'true' as const } : {}),
    },
  });
}

export const templateUrl = (kind: SheetKind) =>
  downloadUrl(importsEndpoints.sheetTemplate, { params: { kind } });

function ExportButton({
  format,
  filters,
  personal,
}: {
  format: Format;
  filters: CompoundFilterValues;
  personal: boolean;
}) {
  const { t } = useTranslation();
  const label = format === 'xlsx' ? t('inventory.exportExcel') : t('inventory.exportCsv');
  // The main button exports the compound ledger (what the list shows); the arrow offers the others.
  const others = ledgerKinds.filter((k) => k !== 'compounds');
  return (
    <Space.Compact>
      <Tooltip title={`${t('inventory.ledgers.compounds')} · ${t('inventory.exportHint')}`}>
        <Button
          href={exportUrl('compounds', format, filters, false)}
          download
          icon={format === 'xlsx' ? <FileExcelOutlined /> : <FileTextOutlined />}
        >
          {label}
        </Button>
      </Tooltip>
      <Dropdown
        trigger={['click']}
        menu={{
          items: others.map((kind) => ({
            key: kind,
            label: (
              <a href={exportUrl(kind, format, filters, personal)} download>
                {t(`inventory.ledgers.${kind}`)}
              </a>
            ),
          })),
        }}
      >
        <Button icon={<DownOutlined />} aria-label={`${label}: ${t('inventory.exportOther')}`} />
      </Dropdown>
    </Space.Compact>
  );
}

export function TemplateMenu() {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: ledgerKinds.map((kind) => ({
          key: kind,
          label: (
            <a href={templateUrl(kind)} download>
              {t(`inventory.ledgers.${kind}`)}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />}>
        {t('inventory.template')} <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}

/** Excel and CSV exports of the ledgers under the current filters. */
export function ExportButtons({ filters, personal }: { filters: CompoundFilterValues; personal: boolean }) {
  return (
    <>
      <ExportButton format="xlsx" filters={filters} personal={personal} />
      <ExportButton format="csv" filters={filters} personal={personal} />
    </>
  );
}

/** For roles that may see personal data: include it in the household ledger (audited). */
export function PersonalCheckbox({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('household.personal')) return null;
  return (
    <Tooltip title={t('inventory.includePersonalHelp')}>
      <Checkbox checked={checked} onChange={(e) => onChange(e.target.checked)}>
        {t('inventory.includePersonal')}
      </Checkbox>
    </Tooltip>
  );
}

/** Said once personal data is chosen: the export is recorded in the audit log. */
export function PersonalWarning() {
  const { t } = useTranslation();
  return <Alert type="warning" showIcon title={t('inventory.includePersonalWarning')} />;
}
