/** 资金: money per source (万元), planned, received and spent, with totals and the rates between them. */
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, InputNumber, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../contract/projects.js';
import { type FundingSource, fundingSources } from '../../../domain/projects.js';
import { percent } from '../../../domain/statistics.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useErrorReporter } from '../../shared/errors.js';
import { sentRowPath } from '../../shared/fieldPaths.js';
import { formatNumber, formatPercent } from '../../shared/numbers.js';
import { useIsPhone } from '../../shared/responsive.js';
import { EditBar } from './ItemsPanel.js';
import { useReloadProject, useSetFunding } from './queries.js';

type Row = ProjectDetail['funding'][number];
type Amount = 'planned' | 'received' | 'spent';
const amounts: Amount[] = ['planned', 'received', 'spent'];

const money = (n: number) => formatNumber(n, 2);
const rate = (part: number, whole: number) => (whole > 0 ? formatPercent(percent(part, whole)) : '—');

function totals(rows: Row[]) {
  return {
    planned: rows.reduce((n, r) => n + r.planned, 0),
    received: rows.reduce((n, r) => n + r.received, 0),
    spent: rows.reduce((n, r) => n + r.spent, 0),
  };
}

function View({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const sum = totals(rows);
  const ordered = fundingSources.flatMap((s) => rows.filter((r) => r.source === s));
  const columns: TableColumnsType<Row> = [
    {
      key: 'source',
      title: t('project.source'),
      dataIndex: 'source',
      render: (s: FundingSource) => t(`project.sources.${s}`),
    },
    ...amounts.map((a) => ({
      key: a,
      title: t(`project.amounts.${a}`),
      dataIndex: a,
      align: 'right' as const,
      render: (n: number) => money(n),
    })),
    {
      key: 'receivedRate',
      title: t('project.receivedRate'),
      align: 'right',
      render: (_, r) => rate(r.received, r.planned),
    },
    {
      key: 'spentRate',
      title: t('project.spentRate'),
      align: 'right',
      render: (_, r) => rate(r.spent, r.received),
    },
  ];
  return (
    <Table<Row>
      rowKey="source"
      columns={columns}
      dataSource={ordered}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size={isPhone ? 'middle' : 'small'}
      locale={{ emptyText: <EmptyHint text={t('project.fundingEmpty')} /> }}
      data-testid="funding-table"
      summary={() =>
        rows.length > 0 && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('project.fundingTotal')}</Typography.Text>
            </Table.Summary.Cell>
            {amounts.map((a, i) => (
              <Table.Summary.Cell key={a} index={i + 1} align="right">
                <Typography.Text strong data-testid={`funding-total-${a}`}>
                  {money(sum[a])}
                </Typography.Text>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={4} align="right">
              <Typography.Text strong>{rate(sum.received, sum.planned)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <Typography.Text strong>{rate(sum.spent, sum.received)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}

interface Values {
  rows: Row[];
}

function Edit({ project: p, onDone }: { project: ProjectDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const reload = useReloadProject();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const save = useSetFunding(p.id);
  const [dirty, setDirty] = useState(false);
  const initial: Values = {
    rows: fundingSources.map(
      (source) => p.funding.find((r) => r.source === source) ?? { source, planned: 0, received: 0, spent: 0 },
    ),
  };
  const rows: Row[] = Form.useWatch('rows', form) ?? initial.rows;
  const sum = totals(
    rows.map((r) => ({ ...r, planned: r.planned ?? 0, received: r.received ?? 0, spent: r.spent ?? 0 })),
  );
  const overspent = rows.some((r) => (r.spent ?? 0) > (r.received ?? 0));

  const onFinish = (v: Values) => {
    const filled = v.rows
      .map((r) => ({
        source: r.source,
        planned: r.planned ?? 0,
        received: r.received ?? 0,
        spent: r.spent ?? 0,
      }))
      .filter((r) => r.planned > 0 || r.received > 0 || r.spent > 0);
    const sent = filled.map((r) => fundingSources.indexOf(r.source));
    save.mutate(
      { version: p.version, rows: filled },
      {
        onSuccess: () => {
          void message.success(t('project.fundingSaved'));
          onDone();
        },
        onError: (error) =>
          report(error, {
            form,
            onConflict: () => void reload(p.id),
            mapPath: sentRowPath('rows', 'rows', sent),
          }),
      },
    );
  };

  const columns: TableColumnsType<Row> = [
    {
      key: 'source',
      title: t('project.source'),
      dataIndex: 'source',
      render: (s: FundingSource) => t(`project.sources.${s}`),
    },
    ...amounts.map((a) => ({
      key: a,
      title: t(`project.amounts.${a}`),
      render: (_: unknown, r: Row, index: number) => (
        <Form.Item name={[index, a]} noStyle>
          <InputNumber
            min={0}
            precision={2}
            style={{ width: 130 }}
            aria-label={`${t(`project.sources.${r.source}`)} ${t(`project.amounts.${a}`)}`}
          />
        </Form.Item>
      ),
    })),
  ];

  return (
    <Form<Values>
      name="funding"
      form={form}
      initialValues={initial}
      onFinish={onFinish}
      onValuesChange={() => setDirty(true)}
    >
      <Flex vertical gap={12}>
        <Form.List name="rows">
          {() => (
            <Table<Row>
              rowKey="source"
              columns={columns}
              dataSource={initial.rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              size={isPhone ? 'middle' : 'small'}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('project.fundingTotal')}</Typography.Text>
                  </Table.Summary.Cell>
                  {amounts.map((a, i) => (
                    <Table.Summary.Cell key={a} index={i + 1}>
                      <Typography.Text strong>{money(sum[a])}</Typography.Text>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
            />
          )}
        </Form.List>
        {overspent && <Alert type="warning" showIcon title={t('project.overspent')} />}
        <EditBar dirty={dirty} saving={save.isPending} onCancel={onDone} />
      </Flex>
    </Form>
  );
}

export function FundingPanel({ project, canEdit }: { project: ProjectDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('project.fundingUnit')}</Typography.Text>
        {canEdit && !editing && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('project.editFunding')}
          </Button>
        )}
      </Flex>
      {editing ? (
        <Edit project={project} onDone={() => setEditing(false)} />
      ) : (
        <View rows={project.funding} />
      )}
    </Flex>
  );
}
