/** The region tree beside the list: compound counts per subdistrict and community; choosing one filters the list. */
import { Alert, Flex, Skeleton, Tree, type TreeDataNode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/numbers.js';
import { type CountedRegionNode, useRegionTree } from '../../shared/regionTree.js';

function treeData(nodes: CountedRegionNode[]): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.code,
    title: (
      <Flex justify="space-between" gap={8} style={{ paddingBlock: 4 }}>
        <span>{n.name}</span>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {formatNumber(n.compounds)} / {formatNumber(n.oldCompounds)}
        </Typography.Text>
      </Flex>
    ),
    children: treeData(n.children),
  }));
}

export function RegionPanel({
  selected,
  onSelect,
}: {
  selected: string | undefined;
  onSelect: (code: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const regions = useRegionTree();
  if (regions.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (regions.isError) {
    return <Alert type="error" showIcon title={t('errors.loadFailed', { message: regions.error.message })} />;
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('inventory.regionCounts')}
      </Typography.Text>
      <Tree
        blockNode
        defaultExpandedKeys={regions.data.expanded}
        selectedKeys={selected ? [selected] : []}
        treeData={treeData(regions.data.roots)}
        onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
        aria-label={t('inventory.regions')}
      />
    </Flex>
  );
}
