/** The compound filters above the list and the map; both keep them in the URL, so they carry over. */
import { Form, Input, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { type CompoundStatus, compoundStatuses } from '../../../domain/inventory.js';
import { FilterField, FilterForm } from '../../shared/FilterForm.js';
import type { ParamPatch } from '../../shared/listParams.js';
import { type CountedRegionNode, useRegionTree } from '../../shared/regionTree.js';
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

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

function treeOptions(nodes: CountedRegionNode[]): TreeOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: n.name,
    ...(n.children.length > 0 ? { children: treeOptions(n.children) } : {}),
  }));
}

/** Subdistrict or community, from the regions in the caller's scope. */
export function RegionSelect(props: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const regions = useRegionTree();
  return (
    <TreeSelect
      {...props}
      showSearch
      allowClear
      treeNodeFilterProp="title"
      treeData={treeOptions(regions.data?.roots ?? [])}
      treeDefaultExpandedKeys={regions.data?.expanded ?? []}
      loading={regions.isPending}
      placeholder={t('inventory.filterRegionPlaceholder')}
      style={{ width: '100%' }}
    />
  );
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
      <FilterField>
        <Form.Item name="region" label={t('inventory.filterRegion')}>
          <RegionSelect />
        </Form.Item>
      </FilterField>
      <FilterField>
        <Form.Item name="old" label={t('inventory.filterOld')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            options={[
              { value: 'true', label: t('inventory.filterOldTrue') },
              { value: 'false', label: t('inventory.filterOldFalse') },
            ]}
          />
        </Form.Item>
      </FilterField>
      <FilterField>
        <Form.Item name="status" label={t('inventory.filterStatus')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            options={compoundStatuses.map((s) => ({ value: s, label: t(`inventory.statuses.${s}`) }))}
          />
        </Form.Item>
      </FilterField>
      <FilterField>
        <Form.Item name="decade" label={t('inventory.filterDecade')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            options={decades.map((d) => ({ value: d, label: t('inventory.decade', { decade: d }) }))}
          />
        </Form.Item>
      </FilterField>
      <FilterField>
        <Form.Item name="q" label={t('inventory.filterQ')}>
          <Input allowClear placeholder={t('inventory.filterQPlaceholder')} maxLength={limits.search.max} />
        </Form.Item>
      </FilterField>
    </FilterForm>
  );
}
