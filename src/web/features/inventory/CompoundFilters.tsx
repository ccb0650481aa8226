/** The compound filters above the list and the map; both keep them in the URL, so they carry over. */
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CompoundStatus, compoundStatuses } from '../../../domain/inventory.js';
import { EnumFilterField, FilterForm, SearchFilterField } from '../../shared/FilterForm.js';
import type { ParamPatch } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { decades } from './labels.js';

export interface CompoundFilterValues {
  region?: string | undefined;
  old?: 'true' | 'false' | undefined;
  status?: CompoundStatus | undefined;
  decade?: number | undefined;
  q?: string | undefined;
}

export const compoundFilterKeys = ['region', 'old', 'status', 'decade', 'q'] as const;

/** The filters now applied, picked from a parsed list query. */
export function pickFilters(query: CompoundFilterValues): CompoundFilterValues {
  return Object.fromEntries(compoundFilterKeys.map((k) => [k, query[k]])) as CompoundFilterValues;
}

export const hasFilters = (query: CompoundFilterValues) =>
  compoundFilterKeys.some((k) => query[k] !== undefined);

/** The URL change that applies these filters (and goes back to the first page). */
export function filterPatch(values: CompoundFilterValues): ParamPatch {
  return {
    region: values.region,
    old: values.old,
    status: values.status,
    decade: values.decade,
    q: values.q?.trim(),
    page: undefined,
  };
}

export function CompoundFilters({
  name,
  values,
  syncKey,
  onApply,
}: {
  name: string;
  values: CompoundFilterValues;
  syncKey: string;
  onApply: (values: CompoundFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CompoundFilterValues>();
  return (
    <FilterForm<CompoundFilterValues>
      name={name}
      form={form}
      values={values}
      syncKey={syncKey}
      onSearch={onApply}
      onReset={() => onApply({})}
    >
      <RegionFilterField
        label={t('inventory.filterRegion')}
        placeholder={t('inventory.filterRegionPlaceholder')}
        withCompounds
      />
      <EnumFilterField
        name="old"
        label={t('inventory.filterOld')}
        values={['true', 'false'] as const}
        labelOf={(v) => (v === 'true' ? t('inventory.filterOldTrue') : t('inventory.filterOldFalse'))}
      />
      <EnumFilterField
        name="status"
        label={t('inventory.filterStatus')}
        values={compoundStatuses}
        labelOf={(s) => t(`inventory.statuses.${s}`)}
      />
      <EnumFilterField
        name="decade"
        label={t('inventory.filterDecade')}
        values={decades}
        labelOf={(d) => t('inventory.decade', { decade: d })}
      />
      <SearchFilterField label={t('inventory.filterQ')} placeholder={t('inventory.filterQPlaceholder')} />
    </FilterForm>
  );
}
