/**
 * One region picked from a tree of the caller's scope: every region (registries, forms), or only
 * those holding compounds, with empty branches pruned (the lists of compounds, projects, ledger);
 * and the list filter made of either (kept out of FilterForm, so lists without one load no tree).
 */
import { Form, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterField } from './FilterForm.js';
import { type RegionTreeNode, useRegions } from './regions.js';
import { type CountedRegionNode, useRegionTree } from './regionTree.js';

export interface RegionSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
}

function RegionTreeSelect({
  tree,
  expanded,
  loading,
  ...props
}: RegionSelectProps & { tree: RegionTreeNode[]; expanded: string[]; loading: boolean }) {
  return (
    <TreeSelect
      {...props}
      showSearch
      allowClear
      treeNodeFilterProp="title"
      treeData={tree}
      treeDefaultExpandedKeys={expanded}
      loading={loading}
      style={{ width: '100%' }}
    />
  );
}

/** Any region in the caller's scope (district, subdistricts, communities). */
export function RegionSelect(props: RegionSelectProps) {
  const regions = useRegions();
  return (
    <RegionTreeSelect
      {...props}
      tree={regions.data?.tree ?? []}
      expanded={regions.data?.expanded ?? []}
      loading={regions.isPending}
    />
  );
}

function treeOptions(nodes: CountedRegionNode[]): RegionTreeNode[] {
  return nodes.map((n) => ({
    value: n.code,
    title: n.name,
    ...(n.children.length > 0 ? { children: treeOptions(n.children) } : {}),
  }));
}

/** A subdistrict or community that holds compounds, from the regions in the caller's scope. */
export function CompoundRegionSelect(props: RegionSelectProps) {
  const regions = useRegionTree();
  return (
    <RegionTreeSelect
      {...props}
      tree={treeOptions(regions.data?.roots ?? [])}
      expanded={regions.data?.expanded ?? []}
      loading={regions.isPending}
    />
  );
}

/**
 * A subdistrict or community: any region in scope (the registries), or only those holding
 * compounds (`withCompounds`: the lists of compounds, projects, ledger items and funding).
 */
export function RegionFilterField({
  name = 'region',
  label,
  placeholder,
  withCompounds = false,
}: {
  name?: string;
  label: string;
  placeholder?: string;
  withCompounds?: boolean;
}) {
  const { t } = useTranslation();
  const Picker = withCompounds ? CompoundRegionSelect : RegionSelect;
  return (
    <FilterField>
      <Form.Item name={name} label={label}>
        <Picker placeholder={placeholder ?? t('common.all')} />
      </Form.Item>
    </FilterField>
  );
}
