/** Gates 1 and 2 on paper: the quality plan, the people responsible and the tender; and the zoning (who tracks what). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { QualityOverview, ZonesBody } from '../../../contract/quality.js';
import { qualityRecordEndpoints } from '../../../contract/quality.js';
import { zoneKinds } from '../../../domain/quality.js';
import { call } from '../../shared/api.js';
import { FormDrawer, FormModal } from '../../shared/FormDrawer.js';
import { dateItemProps } from '../../shared/format.js';
import { formatNumber } from '../../shared/numbers.js';
import { useCan } from '../../shared/session.js';
import { AttachDocument, Documents } from './documents.js';
import { useTakeQuality } from './queries.js';
import { useReportRefusal } from './refusals.js';

interface PlanValues {
  qualityPlan: string;
  responsiblePeople: string[];
  bidDate?: string;
  bidAmount?: number | null;
}

function PlanDrawer({ q, open, onClose }: { q: QualityOverview; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const take = useTakeQuality(q.projectId);
  return (
    <FormDrawer<PlanValues, QualityOverview>
      open={open}
      onClose={onClose}
      name="quality-plan"
      title={t('quality.editPlan')}
      form={form}
      fields={['qualityPlan', 'responsiblePeople', 'bidDate', 'bidAmount']}
      initialValues={{
        qualityPlan: q.plan.qualityPlan,
        responsiblePeople: q.plan.responsiblePeople,
        bidDate: q.plan.bidDate ?? undefined,
        bidAmount: q.plan.bidAmount,
      }}
      submit={async (v) =>
        take(
          await call(qualityRecordEndpoints.setQualityPlan, {
            params: { id: q.projectId },
            body: {
              version: q.plan.version,
              qualityPlan: v.qualityPlan ?? '',
              responsiblePeople: v.responsiblePeople ?? [],
              bidDate: v.bidDate ?? null,
              bidAmount: v.bidAmount ?? null,
            },
          }),
        )
      }
    >
      <Form.Item name="qualityPlan" label={t('quality.qualityPlan')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={limits.progressNote.max} />
      </Form.Item>
      <Form.Item
        name="responsiblePeople"
        label={t('quality.responsiblePeople')}
        extra={t('quality.tagsHelp')}
      >
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="bidDate" label={t('quality.bidDate')} {...dateItemProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="bidAmount" label={t('quality.bidAmount')}>
        <InputNumber min={0} step={0.01} precision={2} style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}

export function PlanPanel({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const none = '—';
  return (
    <Card
      title={t('quality.planAndTender')}
      size="small"
      extra={
        can('quality.manage') && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('quality.qualityPlan')}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {q.plan.qualityPlan || none}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('quality.responsiblePeople')}>
          {q.plan.responsiblePeople.join('、') || none}
        </Descriptions.Item>
        <Descriptions.Item label={t('quality.bidDate')}>{q.plan.bidDate ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('quality.bidAmount')}>
          {q.plan.bidAmount === null ? none : formatNumber(q.plan.bidAmount, 2)}
        </Descriptions.Item>
        <Descriptions.Item label={t('quality.bidDocuments')}>
          <Flex vertical gap={4}>
            {q.plan.bidDocuments.length === 0 && none}
            <Documents files={q.plan.bidDocuments} />
            {can('quality.manage') && (
              <AttachDocument
                projectId={q.projectId}
                kind="tender"
                id={q.projectId}
                label={t('quality.attachBidDocument')}
              />
            )}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      <PlanDrawer q={q} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}

type Zone = ZonesBody['zones'][number];
type ZoneKind = (typeof zoneKinds)[number];
interface ZoneValues {
  kind: ZoneKind;
  name: string;
  assignee: string;
  phone?: string;
}

const asBody = (zones: QualityOverview['zones']): Zone[] =>
  zones.map((z) => ({ kind: z.kind as ZoneKind, name: z.name, assignee: z.assignee, phone: z.phone }));

export function ZonesPanel({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const can = useCan();
  const report = useReportRefusal();
  const take = useTakeQuality(q.projectId);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ZoneValues>();
  const put = async (zones: Zone[]) =>
    take(
      await call(qualityRecordEndpoints.setQualityZones, { params: { id: q.projectId }, body: { zones } }),
    );
  const manage = can('quality.manage');
  return (
    <Card
      title={t('quality.zones')}
      size="small"
      extra={
        manage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('quality.addZone')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('quality.zonesHelp')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.zones}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('quality.noZones') }}
        columns={[
          {
            title: t('quality.zoneKind'),
            dataIndex: 'kind',
            render: (k: string) => t(`quality.zoneKinds.${k as ZoneKind}`),
          },
          { title: t('quality.zoneName'), dataIndex: 'name' },
          { title: t('quality.assignee'), dataIndex: 'assignee' },
          { title: t('quality.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          ...(manage
            ? [
                {
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, z: QualityOverview['zones'][number]) => (
                    <Popconfirm
                      title={t('quality.removeZone')}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        put(asBody(q.zones.filter((x) => x.id !== z.id))).catch((e: unknown) => report(e))
                      }
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('quality.removeZone')}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<ZoneValues, QualityOverview>
        open={adding}
        onClose={() => setAdding(false)}
        name="zone"
        title={t('quality.addZone')}
        form={form}
        fields={['kind', 'name', 'assignee', 'phone']}
        initialValues={{ kind: 'building' }}
        submit={(v) =>
          put([
            ...asBody(q.zones),
            { kind: v.kind, name: v.name, assignee: v.assignee, phone: v.phone?.trim() || null },
          ])
        }
      >
        <Form.Item name="kind" label={t('quality.zoneKind')} rules={[{ required: true }]}>
          <Select options={zoneKinds.map((k) => ({ value: k, label: t(`quality.zoneKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('quality.zoneName')}
          rules={[{ required: true, whitespace: true }]}
          extra={t('quality.zoneNameHelp')}
        >
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item
          name="assignee"
          label={t('quality.assignee')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="phone" label={t('quality.phone')}>
          <Input maxLength={limits.phone.max} inputMode="tel" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
