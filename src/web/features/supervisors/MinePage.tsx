/**
 * 我的监督: a resident supervisor's page on a phone — the projects they are appointed to (report a
 * problem with photos from the camera; a remark at the completion acceptance), and their reports
 * as tickets: status, deadline, the construction unit's evidence, and their verdict on the fix.
 */
import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { MySupervision, ReportBody, ResidentReport } from '../../../contract/supervisors.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useErrorReporter } from '../../shared/errors.js';
import { FormDrawer, FormModal } from '../../shared/FormDrawer.js';
import { sendPhoto, uploadName } from '../photos/sendPhoto.js';
import { PhotoGallery, shownPhoto } from '../photos/Thumbnail.js';
import { useMySupervision, useSupervisorWrite, writes } from './queries.js';

type Project = MySupervision['projects'][number];

const statusColour: Record<ResidentReport['status'], string> = {
  open: 'orange',
  evidence_uploaded: 'blue',
  verified: 'green',
  reopened: 'red',
};

/** Report a problem: where, what, and photos taken there; the report is sent, then its photos. */
function ReportDrawer({ project, onClose }: { project: Project | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportBody>();
  const [files, setFiles] = useState<File[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const send = useSupervisorWrite(async (body: ReportBody) => {
    const report = await writes.report(project?.id ?? '')(body);
    for (const file of files)
      await sendPhoto(
        file,
        (blob) =>
          writes.photo(
            report.id,
            blob,
            uploadName(file),
            file.lastModified ? new Date(file.lastModified).toISOString() : undefined,
          ),
        () => {},
      );
    return report;
  });
  const close = () => {
    setFiles([]);
    onClose();
  };
  return (
    <FormDrawer<ReportBody, ResidentReport>
      open={project !== null}
      name="residentReport"
      title={`${t('supervisors.reportTitle')} · ${project?.compoundName ?? ''}`}
      form={form}
      fields={['place', 'buildingId', 'description']}
      initialValues={{ buildingId: null }}
      submit={(v) => send.mutateAsync({ ...v, buildingId: v.buildingId ?? null })}
      onSaved={() => void message.success(t('supervisors.reported'))}
      onClose={close}
    >
      <Form.Item name="place" label={t('supervisors.place')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.title.max} placeholder={t('supervisors.placeHint')} />
      </Form.Item>
      <Form.Item name="buildingId" label={t('supervisors.building')}>
        <Select
          allowClear
          options={(project?.buildings ?? []).map((b) => ({ value: b.id, label: `${b.number}号楼` }))}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('supervisors.description')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={4} maxLength={limits.progressNote.max} />
      </Form.Item>
      <Form.Item label={t('supervisors.photos')}>
        <Space direction="vertical">
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            hidden
            data-testid="report-photo"
            onChange={(e) => {
              const chosen = Array.from(e.target.files ?? []);
              // Images only (the server checks the bytes again); anything else is named and left out.
              const images = chosen.filter((f) => f.type.startsWith('image/'));
              if (images.length < chosen.length) void message.error(t('supervisors.notImage'));
              setFiles([...files, ...images]);
              e.target.value = '';
            }}
          />
          <Button size="large" icon={<CameraOutlined />} onClick={() => input.current?.click()}>
            {t('supervisors.takePhoto')}
          </Button>
          {files.length > 0 && (
            <Typography.Text type="secondary">
              {t('supervisors.photoCount', { count: files.length })}
            </Typography.Text>
          )}
        </Space>
      </Form.Item>
    </FormDrawer>
  );
}

function DisputeModal({ report, onClose }: { report: ResidentReport | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const dispute = useSupervisorWrite((body: { version: number; reason: string }) =>
    writes.dispute(report?.id ?? '')(body),
  );
  return (
    <FormModal
      open={report !== null}
      name="disputeFix"
      title={t('supervisors.disputeTitle')}
      form={form}
      fields={['reason']}
      submit={(v) => dispute.mutateAsync({ version: report?.version ?? 0, reason: v.reason })}
      onSaved={() => void message.success(t('supervisors.disputed'))}
      onClose={onClose}
    >
      <Form.Item name="reason" label={t('supervisors.reason')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={limits.shortNote.max} />
      </Form.Item>
    </FormModal>
  );
}

function ReportCard({ r, onDispute }: { r: ResidentReport; onDispute: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const confirm = useSupervisorWrite(writes.confirm(r.id));
  const judgeable =
    (r.status === 'evidence_uploaded' || r.status === 'verified') && r.verdict !== 'confirmed';
  return (
    <Card size="small" data-testid="my-report" styles={{ body: { padding: 14 } }}>
      <Flex vertical gap={6}>
        <Flex gap={4} wrap>
          <Tag color={statusColour[r.status]}>{t(`supervisors.statuses.${r.status}`)}</Tag>
          {r.overdue && <Tag color="red">{t('supervisors.overdue')}</Tag>}
          {r.verdict && <Tag>{t(`supervisors.verdicts.${r.verdict}`)}</Tag>}
        </Flex>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {r.compoundName} {r.buildingNumber ? `${r.buildingNumber}号楼 ` : ''}
          {r.place}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {r.description}
        </Typography.Paragraph>
        {r.photos.length > 0 && <PhotoGallery photos={r.photos.map(shownPhoto)} />}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('supervisors.deadline')}：{r.deadline}
        </Typography.Text>
        <Typography.Text strong>{t('supervisors.evidence')}</Typography.Text>
        {r.evidenceNote || r.evidence.length > 0 ? (
          <>
            {r.evidenceNote && <Typography.Text>{r.evidenceNote}</Typography.Text>}
            {r.evidence.length > 0 && <PhotoGallery photos={r.evidence.map(shownPhoto)} />}
          </>
        ) : (
          <Typography.Text type="secondary">{t('supervisors.noEvidence')}</Typography.Text>
        )}
        {judgeable && (
          <Flex gap={8}>
            <Button
              type="primary"
              size="large"
              style={{ flex: 1 }}
              loading={confirm.isPending}
              onClick={() =>
                confirm.mutate(
                  { version: r.version },
                  {
                    onSuccess: () => void message.success(t('supervisors.confirmed')),
                    onError: (e) => report(e),
                  },
                )
              }
            >
              {t('supervisors.confirm')}
            </Button>
            <Button size="large" danger style={{ flex: 1 }} onClick={onDispute}>
              {t('supervisors.dispute')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

function RemarkForm({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<{ remark: string }>();
  const feedback = useSupervisorWrite(writes.feedback(project.id));
  if (!project.acceptance) return null;
  return (
    <Form
      form={form}
      name={`remark-${project.id}`}
      layout="vertical"
      initialValues={{ remark: project.acceptance.myRemark ?? '' }}
      onFinish={(v) =>
        feedback.mutate(v, {
          onSuccess: () => void message.success(t('supervisors.remarkSaved')),
          onError: (e) => report(e, { form, fields: ['remark'] }),
        })
      }
    >
      <Typography.Text type="secondary">
        {t('supervisors.acceptance')} ·{' '}
        {t('supervisors.acceptanceOn', { date: project.acceptance.acceptanceDate })}
      </Typography.Text>
      <Form.Item name="remark" label={t('supervisors.remark')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={2} maxLength={limits.shortNote.max} />
      </Form.Item>
      <Button htmlType="submit" loading={feedback.isPending}>
        {t('supervisors.remarkSend')}
      </Button>
    </Form>
  );
}

export function MinePage() {
  const { t } = useTranslation();
  const mine = useMySupervision();
  const [reporting, setReporting] = useState<Project | null>(null);
  const [disputing, setDisputing] = useState<ResidentReport | null>(null);
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('supervisors.mineTitle')}
      </Typography.Title>
      {mine.isPending && <Skeleton active />}
      {mine.data?.projects.length === 0 && <EmptyHint text={t('supervisors.mineEmpty')} />}
      {mine.data?.projects.map((p) => (
        <Card key={p.id} size="small" data-testid="my-project" styles={{ body: { padding: 14 } }}>
          <Flex vertical gap={8}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {p.compoundName}
            </Typography.Text>
            <Typography.Text type="secondary">
              {p.year} · {t(`projects.statuses.${p.status}`)}
            </Typography.Text>
            <Button
              type="primary"
              size="large"
              block
              icon={<CameraOutlined />}
              onClick={() => setReporting(p)}
            >
              {t('supervisors.report')}
            </Button>
            <RemarkForm project={p} />
          </Flex>
        </Card>
      ))}
      {mine.data && (
        <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
          {t('supervisors.myReports')}
        </Typography.Title>
      )}
      {mine.data?.reports.length === 0 && <EmptyHint text={t('supervisors.noReports')} />}
      {mine.data?.reports.map((r) => (
        <ReportCard key={r.id} r={r} onDispute={() => setDisputing(r)} />
      ))}
      <ReportDrawer project={reporting} onClose={() => setReporting(null)} />
      <DisputeModal report={disputing} onClose={() => setDisputing(null)} />
    </Flex>
  );
}
