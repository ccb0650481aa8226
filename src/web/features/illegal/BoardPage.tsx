/**
 * 街道看板: structures, verified area, removals and self-removal rates by subdistrict (or
 * community, or compound) in the caller's scope, for a period, with party members' and public
 * employees' removal beside everyone else's (带头拆); exported as the office sheet.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Segmented,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type IllegalStats,
  IllegalStatsQuery,
  illegalEndpoints,
  statsGroupings,
} from '../../../contract/illegal.js';
import { downloadUrl } from '../../shared/api.js';
import { dateItemProps } from '../../shared/format.js';
import { useListParams } from '../../shared/listParams.js';
import { useIllegalStats } from './queries.js';

type Row = IllegalStats['rows'][number];

export function BoardPage() {
  const { t } = useTranslation();
  const { query, update } = useListParams(IllegalStatsQuery);
  const stats = useIllegalStats(query);
  const total = stats.data?.total;
  const percent = (n: number) => `${n.toFixed(1)}%`;
  const days = (d: number | null) => d ?? '—';
  // A group of owners' structures: how many removed of all, the rate, the average days.
  const cohort = (group: 'leaders' | 'others'): TableColumnsType<Row>[number] => ({
    title: t(`illegal.${group}Group`),
    children: [
      {
        title: t('illegal.removedOfAll'),
        key: group,
        render: (_v, r) => `${r[`${group}Removed`]} / ${r[group]}`,
      },
      { title: t('illegal.removalRate'), dataIndex: `${group}Rate`, render: percent },
      { title: t('illegal.averageDays'), dataIndex: `${group}AverageDays`, render: days },
    ],
  });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('illegal.board')}
        </Typography.Title>
        <Button
          href={downloadUrl(illegalEndpoints.illegalStatsExport, { query })}
          download
          icon={<FileExcelOutlined />}
        >
          {t('illegal.export')}
        </Button>
      </Flex>
      <Card size="small">
        <Flex gap={16} wrap align="center">
          <Segmented
            value={query.groupBy}
            onChange={(groupBy) => update({ groupBy })}
            options={statsGroupings.map((g) => ({ value: g, label: t(`illegal.groupings.${g}`) }))}
          />
          <Form
            layout="inline"
            initialValues={{ from: query.from, to: query.to }}
            onValuesChange={(_c, v) => update(v)}
          >
            <Form.Item name="from" label={t('illegal.from')} {...dateItemProps}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="to" label={t('illegal.to')} {...dateItemProps}>
              <DatePicker />
            </Form.Item>
          </Form>
        </Flex>
      </Card>
      {total && (
        <Flex gap={32} wrap>
          <div data-testid="removed-count">
            <Statistic title={t('illegal.removed')} value={total.removed} />
          </div>
          <div data-testid="self-removed-count">
            <Statistic title={t('illegal.selfRemoved')} value={total.selfRemoved} />
          </div>
          <Statistic title={t('illegal.removedArea')} value={total.removedArea} precision={1} />
          <div data-testid="self-rate">
            <Statistic
              title={t('illegal.selfRateByCount')}
              value={total.selfRateByCount}
              precision={1}
              suffix="%"
            />
          </div>
          <Statistic
            title={t('illegal.selfRateByArea')}
            value={total.selfRateByArea}
            precision={1}
            suffix="%"
          />
          <Statistic title={t('illegal.outstanding')} value={total.outstanding} />
          <Statistic title={t('illegal.leadersRate')} value={total.leadersRate} precision={1} suffix="%" />
          <Statistic title={t('illegal.othersRate')} value={total.othersRate} precision={1} suffix="%" />
        </Flex>
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        loading={stats.isFetching}
        dataSource={stats.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('illegal.name'), dataIndex: 'name' },
          { title: t('illegal.structures'), dataIndex: 'structures' },
          { title: t('illegal.verifiedArea'), dataIndex: 'verifiedArea' },
          { title: t('illegal.removed'), dataIndex: 'removed' },
          { title: t('illegal.removedArea'), dataIndex: 'removedArea' },
          { title: t('illegal.selfRemoved'), dataIndex: 'selfRemoved' },
          { title: t('illegal.selfRateByCount'), dataIndex: 'selfRateByCount', render: percent },
          { title: t('illegal.selfRateByArea'), dataIndex: 'selfRateByArea', render: percent },
          { title: t('illegal.averageDays'), dataIndex: 'averageDays', render: days },
          { title: t('illegal.outstanding'), dataIndex: 'outstanding' },
          // 党员公职人员带头拆: their structures' removal beside everyone else's, group by group.
          cohort('leaders'),
          cohort('others'),
          {
            title: t('illegal.leadersFirst'),
            dataIndex: 'leadersFirst',
            render: (first: boolean | null) =>
              first === null ? (
                '—'
              ) : (
                <Tag color={first ? 'green' : 'orange'}>
                  {t(`illegal.leadersFirstValues.${first ? 'yes' : 'no'}`)}
                </Tag>
              ),
          },
        ]}
      />
    </Flex>
  );
}
