/** Gate 3: the material samples, the share taken under a witness (at least 30%), and the failed batches. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../contract/api.js';
import { limits } from '../../../contract/common.js';
import type { QualityOverview, SampleBody } from '../../../contract/quality.js';
import { type SampleResult, sampleResults } from '../../../domain/quality.js';
import { call } from '../../shared/api.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { formatPercent } from '../../shared/numbers.js';
import { useCan } from '../../shared/session.js';
import { SampleTag } from './labels.js';
import { useTakeQuality } from './queries.js';

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
          { title: t('quality.report'), dataIndex: 'report', render: (v: string | null) => v ?? '—' },
        ]}
      />
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
          return take(await call(api.addSample, { params: { id: q.projectId }, body }));
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
        <Form.Item name="report" label={t('quality.report')}>
          <Input maxLength={limits.shortNote.max} />
        </Form.Item>
      </FormDrawer>
    </Card>
  );
}
