/**
 * Gate 3: the material samples with their lab reports attached, the share taken under a witness
 * (at least 30%), the failed batches, and each batch's use approval by the supervising engineer.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { QualityOverview, SampleBody } from '../../../contract/quality.js';
import { qualityRecordEndpoints } from '../../../contract/quality.js';
import { type SampleResult, sampleResults } from '../../../domain/quality.js';
import { call } from '../../shared/api.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { formatDateTime } from '../../shared/format.js';
import { formatPercent } from '../../shared/numbers.js';
import { useCan } from '../../shared/session.js';
import { AttachDocument, Documents } from './documents.js';
import { SampleTag } from './labels.js';
import { useTakeQuality } from './queries.js';
import { useReportRefusal } from './refusals.js';

interface SampleValues {
  material: string;
  batch: string;
  required: number;
  taken: number;
  witness?: string;
  lab: string;
  result: SampleResult;
  report?: string;
}

export function MaterialsPanel({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const can = useCan();
  const take = useTakeQuality(q.projectId);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<SampleValues>();
  const w = q.witnessed;
  // A later test of a batch supersedes an earlier one: the newest result of each batch counts.
  const latest = new Map<string, SampleResult>();
  for (const s of [...q.samples].reverse()) latest.set(`${s.material}\u0000${s.batch}`, s.result);
  const failed = [...latest.entries()]
    .filter(([, r]) => r === 'fail')
    .map(([k]) => k.replace('\u0000', ' · '));
  return (
    <Card
      title={t('quality.materials')}
      size="small"
      extra={
        can('quality.inspect') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('quality.addSample')}
          </Button>
        )
      }
    >
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center" wrap data-testid="witnessed">
          <Typography.Text>
            {t('quality.witnessedFigure', {
              witnessed: w.witnessed,
              required: w.required,
              share: w.required > 0 ? formatPercent((w.witnessed / w.required) * 100) : '—',
            })}
          </Typography.Text>
          <Tag color={w.enough ? 'success' : 'error'}>
            {w.enough ? t('quality.witnessedEnough') : t('quality.witnessedShort')}
          </Tag>
        </Flex>
        {failed.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="failed-batches"
            title={t('quality.failedBatches')}
            description={failed.join('；')}
          />
        )}
      </Flex>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.samples}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('quality.noSamples') }}
        columns={[
          { title: t('quality.material'), dataIndex: 'material' },
          { title: t('quality.batch'), dataIndex: 'batch' },
          {
            title: t('quality.samplesTaken'),
            key: 'taken',
            render: (_, s) => `${s.taken} / ${s.required}`,
          },
          { title: t('quality.witness'), dataIndex: 'witness', render: (v: string | null) => v ?? '—' },
          { title: t('quality.lab'), dataIndex: 'lab' },
          {
            title: t('quality.result'),
            dataIndex: 'result',
            render: (r: SampleResult) => <SampleTag result={r} />,
          },
          {
            title: t('quality.report'),
            key: 'report',
            render: (_, s) => (
              <Flex vertical gap={4} style={{ minWidth: 160 }}>
                {s.report && <Typography.Text>{s.report}</Typography.Text>}
                <Documents files={s.files} />
                {s.files.length === 0 && s.result !== 'pending' && (
                  <Typography.Text type="warning">{t('quality.noReport')}</Typography.Text>
                )}
                {can('quality.inspect') && (
                  <AttachDocument
                    projectId={q.projectId}
                    kind="sample"
                    id={s.id}
                    label={t('quality.attachReport')}
                  />
                )}
              </Flex>
            ),
          },
        ]}
      />
      <BatchApprovals q={q} />
      <FormDrawer<SampleValues, QualityOverview>
        open={adding}
        onClose={() => setAdding(false)}
        name="sample"
        title={t('quality.addSample')}
        form={form}
        fields={['material', 'batch', 'required', 'taken', 'witness', 'lab', 'result', 'report']}
        initialValues={{ result: 'pending' }}
        submit={async (v) => {
          const body: SampleBody = {
            material: v.material,
            batch: v.batch,
            required: v.required,
            taken: v.taken,
            witness: v.witness?.trim() || null,
            lab: v.lab,
            result: v.result,
            report: v.report?.trim() || null,
          };
          return take(await call(qualityRecordEndpoints.addSample, { params: { id: q.projectId }, body }));
        }}
      >
        <Form.Item
          name="material"
          label={t('quality.material')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="batch" label={t('quality.batch')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="required" label={t('quality.required')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10_000} precision={0} />
          </Form.Item>
          <Form.Item name="taken" label={t('quality.taken')} rules={[{ required: true }]}>
            <InputNumber min={0} max={10_000} precision={0} />
          </Form.Item>
        </Flex>
        <Form.Item name="witness" label={t('quality.witness')} extra={t('quality.witnessHelp')}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="lab" label={t('quality.lab')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="result" label={t('quality.result')} rules={[{ required: true }]}>
          <Select
            options={sampleResults.map((r) => ({ value: r, label: t(`quality.sampleResults.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="report" label={t('quality.reportNumber')}>
          <Input maxLength={limits.shortNote.max} />
        </Form.Item>
      </FormDrawer>
    </Card>
  );
}

/** Each batch's use approval: signed by the supervising engineer, once it may be. */
function BatchApprovals({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportRefusal();
  const take = useTakeQuality(q.projectId);
  const [busy, setBusy] = useState<string | null>(null);
  if (q.batches.length === 0) return null;
  return (
    <Flex vertical gap={4} style={{ marginTop: 16 }}>
      <Typography.Text strong>{t('quality.batches')}</Typography.Text>
      <Typography.Text type="secondary">{t('quality.batchesHelp')}</Typography.Text>
      <List
        size="small"
        dataSource={q.batches}
        renderItem={(b) => {
          const key = `${b.material}\u0000${b.batch}`;
          return (
            <List.Item data-testid="batch">
              <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>
                    {b.material} · {b.batch}
                  </Typography.Text>
                  <SampleTag result={b.result} />
                  <Tag color={b.approval ? 'success' : 'default'} data-testid="batch-approval">
                    {b.approval ? t('quality.batchApproved') : t('quality.notApproved')}
                  </Tag>
                </Flex>
                {b.approval && (
                  <Typography.Text type="secondary">
                    {t('quality.approvedBy', { by: b.approval.by, at: formatDateTime(b.approval.at) })}
                  </Typography.Text>
                )}
                {!b.approval && b.problems.length > 0 && (
                  <Typography.Text type="secondary">{b.problems.join('；')}</Typography.Text>
                )}
                {!b.approval && b.problems.length === 0 && q.supervisingEngineer && (
                  <Popconfirm
                    title={t('quality.approveBatchConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={async () => {
                      setBusy(key);
                      try {
                        take(
                          await call(qualityRecordEndpoints.approveBatch, {
                            params: { id: q.projectId },
                            body: { material: b.material, batch: b.batch },
                          }),
                        );
                        void message.success(t('quality.batchApproved'));
                      } catch (error) {
                        report(error);
                      } finally {
                        setBusy(null);
                      }
                    }}
                  >
                    <Button
                      size="small"
                      type="primary"
                      loading={busy === key}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {t('quality.approveBatch')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
    </Flex>
  );
}
