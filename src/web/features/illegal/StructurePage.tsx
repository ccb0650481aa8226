/**
 * One illegal structure: where and what it is, its measurements and verification, the cadres
 * assigned and their visits (a form that works on a phone), notice → removal → clearing with a
 * photo, the photos, and the timeline.
 */
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Result,
  Select,
  Skeleton,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { limits } from '../../../contract/common.js';
import {
  assignmentLevels,
  measurementMethods,
  removers,
  type StructureDetail,
  visitOutcomes,
} from '../../../contract/illegal.js';
import { districtToday } from '../../../domain/ledger.js';
import { useErrorReporter } from '../../shared/errors.js';
import { dateItemProps } from '../../shared/format.js';
import { useIsPhone } from '../../shared/responsive.js';
import { CadreSelect } from '../organisation/pickers.js';
import { sendPhoto, uploadName } from '../photos/sendPhoto.js';
import { PhotoGallery, shownPhoto } from '../photos/Thumbnail.js';
import { LeaderTag, placeOf, StatusTag } from './labels.js';
import { useIllegalWrite, useStructure, writes } from './queries.js';

const today = () => districtToday();
const done = (s: StructureDetail) => s.status === 'removed' || s.status === 'cleared';

/** A form that sends one write and reports the server's field messages on its fields. */
function useWriteForm<V extends object>(write: (values: V) => Promise<unknown>, fields: readonly string[]) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const report = useErrorReporter();
  const [form] = Form.useForm<V>();
  const mutation = useIllegalWrite(write);
  const submit = (values: V) =>
    mutation.mutate(values, {
      onSuccess: () => {
        void message.success(t('illegal.saved'));
        form.resetFields();
      },
      onError: (error) => report(error, { form, fields }),
    });
  return { form, submit, pending: mutation.isPending };
}

function MeasurementsCard({ s }: { s: StructureDetail }) {
  const { t } = useTranslation();
  const { form, submit, pending } = useWriteForm(writes.measure(s.id), [
    'measuredBy',
    'measuredOn',
    'method',
    'area',
  ]);
  const v = s.verification;
  return (
    <Card title={t('illegal.measurements')} size="small">
      <Alert
        style={{ marginBottom: 12 }}
        type={v.state === 'verified' ? 'success' : v.state === 'needs_third' ? 'warning' : 'info'}
        data-testid="verification"
        title={t(`illegal.verification.${v.state}`, {
          gap: v.gapPercent,
          tolerance: v.tolerancePercent,
          area: s.verifiedArea,
        })}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.measurements}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('illegal.measuredBy'), dataIndex: 'measuredBy' },
          { title: t('illegal.measuredOn'), dataIndex: 'measuredOn' },
          {
            title: t('illegal.method'),
            dataIndex: 'method',
            render: (m: (typeof measurementMethods)[number]) => t(`illegal.methods.${m}`),
          },
          { title: t('illegal.area'), dataIndex: 'area' },
          {
            title: t('illegal.agreed'),
            dataIndex: 'agreed',
            render: (a: boolean) => (a ? <Tag color="success">✓</Tag> : null),
          },
        ]}
      />
      {s.canWrite && !done(s) && (
        <Form
          form={form}
          name="measurement"
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          initialValues={{ measuredOn: today(), method: 'tape' }}
          onFinish={submit}
        >
          <Form.Item name="measuredBy" label={t('illegal.measuredBy')} rules={[{ required: true }]}>
            <Input maxLength={limits.name.max} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="measuredOn"
            label={t('illegal.measuredOn')}
            rules={[{ required: true }]}
            {...dateItemProps}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="method" label={t('illegal.method')}>
            <Select
              style={{ width: 120 }}
              options={measurementMethods.map((m) => ({ value: m, label: t(`illegal.methods.${m}`) }))}
            />
          </Form.Item>
          <Form.Item name="area" label={t('illegal.area')} rules={[{ required: true }]}>
            <InputNumber min={0.01} step={0.01} precision={2} style={{ width: 120 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pending}>
            {t('illegal.addMeasurement')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function CadresCard({ s }: { s: StructureDetail }) {
  const { t } = useTranslation();
  const { form, submit, pending } = useWriteForm(
    (v: { cadreId: string; level: (typeof assignmentLevels)[number] }) =>
      writes.assign()({
        cadreId: v.cadreId,
        level: v.level,
        buildingId: s.buildingId ?? undefined,
        unit: v.level === 'building' ? undefined : (s.unit ?? undefined),
        householdId: v.level === 'household' ? (s.householdId ?? undefined) : undefined,
      }),
    ['cadreId', 'level'],
  );
  const levels = assignmentLevels.filter(
    (l) =>
      (l === 'building' && s.buildingId) || (l === 'unit' && s.unit) || (l === 'household' && s.householdId),
  );
  return (
    <Card title={t('illegal.cadres')} size="small">
      <Flex gap={4} wrap style={{ marginBottom: 8 }}>
        {s.cadres.length === 0 && <Typography.Text type="secondary">{t('illegal.noCadres')}</Typography.Text>}
        {s.cadres.map((c) => (
          <Tag key={`${c.id}-${c.level}`}>
            {c.name} · {t(`illegal.levels.${c.level}`)}
          </Tag>
        ))}
      </Flex>
      {s.canWrite && levels.length > 0 && (
        <Form
          form={form}
          name="assign"
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={submit}
          initialValues={{ level: levels[levels.length - 1] }}
        >
          <Form.Item name="level" label={t('illegal.level')}>
            <Select
              style={{ width: 120 }}
              options={levels.map((l) => ({ value: l, label: t(`illegal.levels.${l}`) }))}
            />
          </Form.Item>
          <Form.Item name="cadreId" label={t('illegal.cadre')} rules={[{ required: true }]}>
            <CadreSelect region={s.regionCode} />
          </Form.Item>
          <Button htmlType="submit" loading={pending}>
            {t('illegal.assign')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function VisitsCard({ s }: { s: StructureDetail }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { form, submit, pending } = useWriteForm(writes.visit(s.id), [
    'visitedOn',
    'outcome',
    'notes',
    'cadreId',
  ]);
  return (
    <Card title={t('illegal.visits')} size="small">
      <List
        size="small"
        dataSource={s.visits}
        locale={{ emptyText: t('illegal.noVisit') }}
        renderItem={(v) => (
          <List.Item data-testid="visit">
            <Flex vertical gap={2}>
              <span>
                {v.visitedOn} · {v.cadreName} · <Tag>{t(`illegal.outcomes.${v.outcome}`)}</Tag>
              </span>
              {v.notes && <Typography.Text type="secondary">{v.notes}</Typography.Text>}
            </Flex>
          </List.Item>
        )}
      />
      {s.canVisit && (
        <Form
          form={form}
          name="visit"
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={{ visitedOn: today(), outcome: 'hesitant' }}
          onFinish={submit}
        >
          <Form.Item
            name="visitedOn"
            label={t('illegal.visitedOn')}
            rules={[{ required: true }]}
            {...dateItemProps}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
          </Form.Item>
          <Form.Item name="outcome" label={t('illegal.outcome')} rules={[{ required: true }]}>
            <Select options={visitOutcomes.map((o) => ({ value: o, label: t(`illegal.outcomes.${o}`) }))} />
          </Form.Item>
          <Form.Item name="notes" label={t('illegal.notes')}>
            <Input.TextArea rows={2} maxLength={limits.shortNote.max} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={pending}>
            {t('illegal.addVisit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function PhotosCard({ s }: { s: StructureDetail }) {
  const { t } = useTranslation();
  const report = useErrorReporter();
  const photo = useIllegalWrite(writes.photo(s.id));
  const [busy, setBusy] = useState(false);
  return (
    <Card title={t('illegal.photos')} size="small">
      {s.photos.length === 0 ? (
        <Typography.Text type="secondary">{t('illegal.noPhotos')}</Typography.Text>
      ) : (
        <PhotoGallery photos={s.photos.map(shownPhoto)} />
      )}
      {s.canWrite && (
        <Upload
          accept="image/*"
          showUploadList={false}
          beforeUpload={(file: File) => {
            setBusy(true);
            void sendPhoto(
              file,
              (blob) => photo.mutateAsync({ file: blob, fileName: uploadName(file) }),
              () => {},
            )
              .catch((error: unknown) => report(error))
              .finally(() => setBusy(false));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} style={{ marginTop: 8 }}>
            {t('illegal.addPhoto')}
          </Button>
        </Upload>
      )}
    </Card>
  );
}

function RemovalCard({ s }: { s: StructureDetail }) {
  const { t } = useTranslation();
  const notice = useWriteForm(
    (v: { noticeOn: string; deadline: string }) => writes.notice(s.id)({ version: s.version, ...v }),
    ['noticeOn', 'deadline'],
  );
  const removal = useWriteForm(
    (v: { removedOn: string; removedBy: (typeof removers)[number]; legalBasis?: string }) =>
      writes.remove(s.id)({ version: s.version, ...v }),
    ['removedOn', 'removedBy', 'legalBasis'],
  );
  const clearing = useWriteForm(
    (v: { clearedOn: string; photoId: string }) => writes.clear(s.id)({ version: s.version, ...v }),
    ['clearedOn', 'photoId'],
  );
  const removedBy = Form.useWatch('removedBy', removal.form);
  const lastPhoto = s.photos[s.photos.length - 1]?.id;
  // The photo just taken of the cleared site is the one that confirms it.
  useEffect(() => {
    if (lastPhoto) clearing.form.setFieldValue('photoId', lastPhoto);
  }, [lastPhoto, clearing.form]);
  return (
    <Card title={t('illegal.removal')} size="small">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('illegal.noticeOn')}>
          {s.noticeOn ? `${s.noticeOn} → ${s.noticeDeadline}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('illegal.removedOn')}>
          {s.removedOn && s.removedBy ? `${s.removedOn} · ${t(`illegal.removers.${s.removedBy}`)}` : '—'}
          {s.legalBasis ? ` · ${s.legalBasis}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('illegal.clearedOn')}>{s.clearedOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      {s.canWrite && !done(s) && !s.noticeOn && (
        <Form
          form={notice.form}
          name="notice"
          layout="inline"
          style={{ rowGap: 8, marginBottom: 8 }}
          initialValues={{ noticeOn: today() }}
          onFinish={notice.submit}
        >
          <Form.Item
            name="noticeOn"
            label={t('illegal.noticeOn')}
            rules={[{ required: true }]}
            {...dateItemProps}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('illegal.deadline')}
            rules={[{ required: true }]}
            {...dateItemProps}
          >
            <DatePicker />
          </Form.Item>
          <Button htmlType="submit" loading={notice.pending}>
            {t('illegal.recordNotice')}
          </Button>
        </Form>
      )}
      {s.canWrite && !done(s) && (
        <Form
          form={removal.form}
          name="removal"
          layout="inline"
          style={{ rowGap: 8 }}
          initialValues={{ removedOn: today(), removedBy: 'owner' }}
          onFinish={removal.submit}
        >
          <Form.Item
            name="removedOn"
            label={t('illegal.removedOn')}
            rules={[{ required: true }]}
            {...dateItemProps}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="removedBy" label={t('illegal.removedBy')}>
            <Select
              style={{ width: 170 }}
              options={removers.map((r) => ({ value: r, label: t(`illegal.removers.${r}`) }))}
            />
          </Form.Item>
          {removedBy === 'enforcement' && (
            <Form.Item name="legalBasis" label={t('illegal.legalBasis')} rules={[{ required: true }]}>
              <Input maxLength={limits.shortNote.max} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={removal.pending}>
            {t('illegal.recordRemoval')}
          </Button>
        </Form>
      )}
      {s.canWrite && s.status === 'removed' && (
        <Form
          form={clearing.form}
          name="clearing"
          layout="inline"
          style={{ rowGap: 8 }}
          initialValues={{ clearedOn: today(), photoId: lastPhoto }}
          onFinish={clearing.submit}
        >
          <Form.Item
            name="clearedOn"
            label={t('illegal.clearedOn')}
            rules={[{ required: true }]}
            {...dateItemProps}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="photoId" label={t('illegal.clearingPhoto')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              options={s.photos.map((p) => ({ value: p.id, label: p.fileName }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={clearing.pending}>
            {t('illegal.recordClearing')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

export function StructurePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const structure = useStructure(id);
  if (structure.isPending) return <Skeleton active />;
  if (structure.isError) return <Result status="404" title={structure.error.message} />;
  const s = structure.data;
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.compoundName} {placeOf(s)} · {s.type}
        </Typography.Title>
        <StatusTag status={s.status} />
        <LeaderTag structure={s} />
        {s.duplicateOf && (
          <Link to={`/illegal/${s.duplicateOf}`}>
            <Tag color="warning">{t('illegal.duplicate')}</Tag>
          </Link>
        )}
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('illegal.compound')}>{s.compoundName}</Descriptions.Item>
          <Descriptions.Item label={t('illegal.place')}>{placeOf(s) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('illegal.location')}>{s.location ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('illegal.surveyOn')}>{s.surveyOn}</Descriptions.Item>
          <Descriptions.Item label={t('illegal.surveyor')}>{s.surveyor}</Descriptions.Item>
          <Descriptions.Item label={t('illegal.verifiedArea')}>{s.verifiedArea ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <MeasurementsCard s={s} />
      <CadresCard s={s} />
      <VisitsCard s={s} />
      <PhotosCard s={s} />
      <RemovalCard s={s} />
      <Card title={t('illegal.timeline')} size="small">
        <Timeline
          items={s.timeline.map((e, i) => ({
            key: i,
            content: `${e.on} ${t(`illegal.timelineKinds.${e.kind}`, { defaultValue: e.kind })} ${e.detail}`,
          }))}
        />
      </Card>
    </Flex>
  );
}
