/**
 * 质量看板: per project (or subdistrict) the five gates, checks done against required, open and
 * overdue tickets, the material pass rate and acceptances pending, in the caller's reach; a
 * project's row opens the project, a subdistrict's the projects under it; exported as the office sheet.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  boardGroupings,
  QualityBoardQuery,
  type QualityBoardRow,
  qualityBoardEndpoints,
} from '../../../contract/quality.js';
import type { GateStatus } from '../../../domain/quality.js';
import { downloadUrl } from '../../shared/api.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useListParams } from '../../shared/listParams.js';
import { formatPercent } from '../../shared/numbers.js';
import { RegionSelect } from '../../shared/RegionSelect.js';
import { ProjectStatusTag } from '../projects/labels.js';
import { useQualityBoard } from './boardQueries.js';

const gateColour: Record<GateStatus, string> = { open: 'red', ready: 'gold', passed: 'green' };
const years = Array.from({ length: 2027 - 2019 + 1 }, (_, i) => 2019 + i);

export function BoardPage() {
  const { t } = useTranslation();
  const { query, update } = useListParams(QualityBoardQuery);
  const board = useQualityBoard(query);
  const total = board.data?.total;
  const byProject = query.groupBy === 'project';
  const rate = (r: number | null) => (r === null ? '—' : formatPercent(r));
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('qualityBoard.title')}
        </Typography.Title>
        <Button
          href={downloadUrl(qualityBoardEndpoints.qualityBoardExport, { query })}
          download
          icon={<FileExcelOutlined />}
          data-testid="board-export"
        >
          {t('qualityBoard.export')}
        </Button>
      </Flex>
      <Card size="small">
        <Flex gap={16} wrap align="center">
          <Segmented
            value={query.groupBy}
            onChange={(groupBy) => update({ groupBy })}
            options={boardGroupings.map((g) => ({ value: g, label: t(`qualityBoard.groupings.${g}`) }))}
          />
          <Space>
            <span>{t('qualityBoard.region')}</span>
            <div style={{ minWidth: 200 }}>
              <RegionSelect value={query.region} onChange={(region) => update({ region })} />
            </div>
          </Space>
          <Space>
            <span>{t('qualityBoard.year')}</span>
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder={t('common.all')}
              value={query.year}
              onChange={(year) => update({ year })}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
          </Space>
        </Flex>
      </Card>
      {total && (
        <Flex gap={32} wrap>
          <Statistic title={t('qualityBoard.projects')} value={total.projects} />
          <Statistic title={t('qualityBoard.allGatesPassed')} value={total.allGatesPassed} />
          <Statistic
            title={t('qualityBoard.checks')}
            value={`${total.checksDone} / ${total.checksRequired}`}
          />
          <div data-testid="open-tickets">
            <Statistic title={t('qualityBoard.openTickets')} value={total.openTickets} />
          </div>
          <Statistic
            title={t('qualityBoard.overdueTickets')}
            value={total.overdueTickets}
            valueStyle={total.overdueTickets ? { color: '#cf1322' } : undefined}
          />
          <Statistic title={t('qualityBoard.passRate')} value={rate(total.passRate)} />
          <Statistic title={t('qualityBoard.acceptancesPending')} value={total.acceptancesPending} />
        </Flex>
      )}
      <Table<QualityBoardRow>
        size="small"
        rowKey="key"
        loading={board.isFetching}
        dataSource={board.data?.rows ?? []}
        pagination={byProject ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: board.isError ? (
            <EmptyHint text={t('errors.loadFailed', { message: board.error.message })} />
          ) : (
            <EmptyHint text={t('qualityBoard.empty')} />
          ),
        }}
        columns={[
          {
            title: byProject ? t('qualityBoard.name') : t('qualityBoard.subdistrict'),
            dataIndex: 'name',
            fixed: 'left',
            render: (name: string, r) =>
              byProject ? (
                <Link to={`/projects/${r.key}`}>{name}</Link>
              ) : (
                <Button
                  type="link"
                  size="small"
                  onClick={() => update({ groupBy: 'project', region: r.key })}
                >
                  {name}
                </Button>
              ),
          },
          ...(byProject
            ? [
                { title: t('qualityBoard.subdistrict'), dataIndex: 'subdistrict' },
                { title: t('qualityBoard.year'), dataIndex: 'year' },
                {
                  title: t('qualityBoard.status'),
                  dataIndex: 'status',
                  render: (s: QualityBoardRow['status']) => s && <ProjectStatusTag status={s} />,
                },
                {
                  title: t('qualityBoard.gates'),
                  key: 'gates',
                  render: (_: unknown, r: QualityBoardRow) => (
                    <Space size={2}>
                      {r.gates.map((g) => (
                        <Tooltip
                          key={g.gate}
                          title={`${t(`qualityBoard.gateNames.${g.gate}`)}：${t(`qualityBoard.gateStatuses.${g.status}`)}`}
                        >
                          <Tag color={gateColour[g.status]} style={{ marginInlineEnd: 0 }}>
                            {t(`qualityBoard.gateNames.${g.gate}`).slice(0, 2)}
                          </Tag>
                        </Tooltip>
                      ))}
                    </Space>
                  ),
                },
              ]
            : [
                { title: t('qualityBoard.projects'), dataIndex: 'projects' },
                { title: t('qualityBoard.allGatesPassed'), dataIndex: 'allGatesPassed' },
              ]),
          {
            title: t('qualityBoard.checks'),
            key: 'checks',
            render: (_: unknown, r: QualityBoardRow) => `${r.checksDone} / ${r.checksRequired}`,
          },
          { title: t('qualityBoard.openTickets'), dataIndex: 'openTickets' },
          {
            title: t('qualityBoard.overdueTickets'),
            dataIndex: 'overdueTickets',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          {
            title: t('qualityBoard.samples'),
            key: 'samples',
            render: (_: unknown, r: QualityBoardRow) => `${r.samplesPassed} / ${r.samplesTested}`,
          },
          { title: t('qualityBoard.passRate'), dataIndex: 'passRate', render: rate },
          { title: t('qualityBoard.acceptancesPending'), dataIndex: 'acceptancesPending' },
        ]}
      />
    </Flex>
  );
}
