/**
 * Gate 4, on site: checks done against required per key part, the inspections and spot checks
 * with their findings and photos, and the inspector's form (a finding may order a fix: a ticket).
 */
import { CameraOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Progress,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { QualityOverview } from '../../../contract/quality.js';
import { qualityRecordEndpoints } from '../../../contract/quality.js';
import { districtToday } from '../../../domain/ledger.js';
import { addDays, inspectionKinds } from '../../../domain/quality.js';
import { call } from '../../shared/api.js';
import { dateItemProps } from '../../shared/format.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useCan } from '../../shared/session.js';
import { draftKey, useSiteDraft } from './drafts.js';
import { DraftTag } from './labels.js';
import { QualityPhotos } from './photos.js';
import { sendQualityPhoto, useQualityNow, useTakeQuality } from './queries.js';
import { SiteFormDrawer } from './SiteFormDrawer.js';

type InspectionKind = (typeof inspectionKinds)[number];

interface InspectionValues {
  kind: InspectionKind;
  checkedOn: string;
  keyPart: string;
  measurements?: string;
  findings?: string;
  needsFix?: boolean;
  ticketTitle?: string;
  ticketDeadline?: string;
}

function InspectionForm({ q, open, onClose }: { q: QualityOverview; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const draft = useSiteDraft<InspectionValues>(draftKey(q.projectId, 'inspection'));
  const take = useTakeQuality(q.projectId);
  const now = useQualityNow(q.projectId);
  const keyParts = q.checksAgainstRequired.map((c) => c.keyPart);
  return (
    <>
      <SiteFormDrawer<InspectionValues>
        draft={draft}
        open={open}
        onClose={onClose}
        name="inspection"
        title={t('quality.addInspection')}
        fields={['kind', 'checkedOn', 'keyPart', 'measurements', 'findings']}
        defaults={{ kind: 'spot_check', checkedOn: districtToday(), keyPart: '' }}
        send={async ({ values: v, photos, sent, memo }) => {
          // The record first (once), then its photos one by one.
          if (!memo.id) {
            const before = new Set((now()?.inspections ?? []).map((i) => i.id));
            const answer = take(
              await call(qualityRecordEndpoints.addInspection, {
                params: { id: q.projectId },
                body: {
                  kind: v.kind,
                  checkedOn: v.checkedOn,
                  keyPart: v.keyPart,
                  measurements: v.measurements ?? '',
                  findings: v.findings ?? '',
                  ticket:
                    v.needsFix && v.ticketTitle && v.ticketDeadline
                      ? { title: v.ticketTitle, deadline: v.ticketDeadline }
                      : null,
                },
              }),
            );
            const created = answer.inspections.find((i) => !before.has(i.id));
            if (created) memo.id = created.id;
          }
          const id = memo.id;
          if (!id) return;
          for (const photo of photos) {
            await sendQualityPhoto('inspection', id, photo.file);
            sent(photo);
          }
          if (photos.length > 0)
            take(await call(qualityRecordEndpoints.projectQuality, { params: { id: q.projectId } }));
        }}
      >
        <Form.Item name="kind" label={t('quality.inspectionKind')} rules={[{ required: true }]}>
          <Select
            options={inspectionKinds.map((k) => ({ value: k, label: t(`quality.inspectionKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="checkedOn"
          label={t('quality.checkedOn')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
        </Form.Item>
        <Form.Item
          name="keyPart"
          label={t('quality.keyPart')}
          rules={[{ required: true, whitespace: true }]}
          extra={t('quality.keyPartHelp')}
        >
          {/* A part not in the setting's list may be typed. */}
          <AutoComplete options={keyParts.map((k) => ({ value: k }))} maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item name="measurements" label={t('quality.measurements')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={limits.shortNote.max} />
        </Form.Item>
        <Form.Item name="findings" label={t('quality.findings')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={limits.progressNote.max} />
        </Form.Item>
        <Form.Item name="needsFix" label={t('quality.needsFix')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.needsFix !== b.needsFix}>
          {({ getFieldValue }) =>
            getFieldValue('needsFix') ? (
              <>
                <Form.Item
                  name="ticketTitle"
                  label={t('quality.ticketTitle')}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input maxLength={limits.title.max} />
                </Form.Item>
                <Form.Item
                  name="ticketDeadline"
                  label={t('quality.deadline')}
                  rules={[{ required: true }]}
                  initialValue={addDays(districtToday(), 7)}
                  {...dateItemProps}
                >
                  <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
                </Form.Item>
              </>
            ) : null
          }
        </Form.Item>
      </SiteFormDrawer>
      <DraftTag state={open ? 'empty' : draft.state} />
    </>
  );
}

export function SupervisionPanel({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  return (
    <Card
      title={t('quality.supervision')}
      size="small"
      extra={
        can('quality.inspect') && (
          <Flex gap={4} align="center">
            <InspectionForm q={q} open={open} onClose={() => setOpen(false)} />
            <Button type="primary" size="small" icon={<CameraOutlined />} onClick={() => setOpen(true)}>
              {t('quality.addInspection')}
            </Button>
          </Flex>
        )
      }
    >
      <Typography.Text strong>{t('quality.checksAgainstRequired')}</Typography.Text>
      <Table
        size="small"
        rowKey="keyPart"
        pagination={false}
        dataSource={q.checksAgainstRequired}
        style={{ margin: '8px 0 16px' }}
        locale={{ emptyText: t('quality.noKeyParts') }}
        columns={[
          { title: t('quality.keyPart'), dataIndex: 'keyPart' },
          {
            title: t('quality.checksDone'),
            key: 'done',
            render: (_, c) => (
              <Flex gap={8} align="center" data-testid={`checks-${c.keyPart}`}>
                <span style={{ whiteSpace: 'nowrap' }}>
                  {c.done} / {c.required}
                </span>
                <Progress
                  percent={c.required > 0 ? Math.min(100, Math.round((c.done / c.required) * 100)) : 100}
                  size="small"
                  showInfo={false}
                  status={c.done >= c.required ? 'success' : 'active'}
                  style={{ width: 80, margin: 0 }}
                />
              </Flex>
            ),
          },
        ]}
      />
      <List
        dataSource={q.inspections}
        locale={{ emptyText: t('quality.noInspections') }}
        renderItem={(i) => (
          <List.Item data-testid="inspection">
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{i.keyPart}</Typography.Text>
                <Tag>{t(`quality.inspectionKinds.${i.kind}`)}</Tag>
                <Typography.Text type="secondary">
                  {i.checkedOn} · {i.inspector}
                </Typography.Text>
              </Flex>
              {i.measurements && (
                <Typography.Text>{t('quality.measuredAs', { text: i.measurements })}</Typography.Text>
              )}
              {i.findings && <Typography.Text>{t('quality.found', { text: i.findings })}</Typography.Text>}
              <QualityPhotos photos={i.photos} />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
