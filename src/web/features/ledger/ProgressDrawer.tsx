/**
 * 报告进展: what was done, what shows it, and whether the item is finished. Built for a phone held
 * in one hand: a bottom sheet, large targets, the send button at the thumb, and a plain statement
 * of whether the report has reached the server (a draft stays on the device until it has).
 * Evidence photos chosen with it go to the report once it is saved, one by one.
 */
import { CheckCircleFilled, CloudUploadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Form, Input, Result, Segmented, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { LedgerItem } from '../../../contract/ledger.js';
import { ApiError } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { useIsPhone } from '../../shared/responsive.js';
import { chosenMax, PhotoChooser, useChosenPhotos } from '../photos/ChosenPhotos.js';
import { clearDraft, type ProgressDraft, readDraft, writeDraft } from './drafts.js';
import { EvidenceUploadList } from './EvidenceUploadList.js';
import { useEvidenceUploads } from './evidenceUploads.js';
import { Deadline, EscalationTag } from './labels.js';
import { useReportProgress } from './queries.js';

interface Values {
  note: string;
  evidence?: string;
  outcome: 'open' | 'done';
}

/**
 * Which item the drawer reports on: a snapshot taken when it opens (so it stays open while the list
 * refetches without it), refreshed from the list after a conflict so the next send carries the new version.
 */
export function useReporting(refetch: () => Promise<{ data?: { items: LedgerItem[] } | undefined }>) {
  const [item, setItem] = useState<LedgerItem | null>(null);
  return {
    item,
    open: setItem,
    close: () => setItem(null),
    onConflict: () =>
      void refetch().then((r) => setItem((prev) => r.data?.items.find((i) => i.id === prev?.id) ?? prev)),
  };
}

const noteMax = limits.progressNote.max;
const evidenceMax = limits.shortNote.max;

export function ProgressDrawer({
  item,
  onClose,
  onConflict,
}: {
  /** The item as last loaded (its version goes with the report); null when closed. */
  item: LedgerItem | null;
  onClose: () => void;
  /** Someone else changed the item: reload it, the draft stays. */
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const report = useReportProgress();
  const [saved, setSaved] = useState<{ item: LedgerItem; at: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const photos = useChosenPhotos();
  const uploads = useEvidenceUploads();
  const itemId = item?.id ?? null;

  // A new item opens clean, or with the draft this device kept for it.
  const draft: ProgressDraft = (itemId && readDraft(itemId)) || {};
  const initialValues: Values = {
    note: draft.note ?? '',
    evidence: draft.evidence ?? '',
    outcome: draft.done ? 'done' : 'open',
  };
  // Reset once per opened item.
  useEffect(() => {
    if (!itemId) return;
    setDirty(readDraft(itemId) !== null);
    setSaved(null);
    setFailure(null);
  }, [itemId]);

  const close = () => {
    form.resetFields();
    photos.clear();
    uploads.reset();
    setSaved(null);
    setFailure(null);
    onClose();
  };

  const onValuesChange = (_: Partial<Values>, all: Values) => {
    if (!itemId) return;
    writeDraft(itemId, { note: all.note, evidence: all.evidence, done: all.outcome === 'done' });
    setDirty(true);
    setFailure(null);
  };

  const onFinish = (values: Values) => {
    if (!item) return;
    setFailure(null);
    report.mutate(
      {
        id: item.id,
        body: {
          version: item.version,
          note: values.note.trim(),
          ...(values.evidence?.trim() ? { evidence: values.evidence.trim() } : {}),
          ...(values.outcome === 'done' ? { status: 'done' as const } : {}),
        },
      },
      {
        onSuccess: (updated) => {
          clearDraft(item.id);
          setDirty(false);
          setSaved({ item: updated, at: new Date().toISOString() });
          const entry = updated.progress[0];
          if (entry && photos.chosen.length > 0) {
            uploads.start({ itemId: item.id, progressId: entry.id }, photos.chosen);
          }
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'CONFLICT') {
            setFailure(t('ledger.progressConflict'));
            onConflict();
            return;
          }
          const fields = error instanceof ApiError ? error.fields : undefined;
          if (fields?.note) form.setFields([{ name: 'note', errors: [fields.note] }]);
          if (fields?.evidence) form.setFields([{ name: 'evidence', errors: [fields.evidence] }]);
          setFailure(error.message);
        },
      },
    );
  };

  const state = saved ? null : report.isPending ? (
    <Tag icon={<CloudUploadOutlined />} color="processing">
      {t('ledger.sending')}
    </Tag>
  ) : dirty ? (
    <Tag icon={<EditOutlined />} color="warning" data-testid="progress-unsaved">
      {t('ledger.notSent')}
    </Tag>
  ) : null;

  const body = saved ? (
    <Result
      status="success"
      icon={<CheckCircleFilled />}
      title={saved.item.status === 'done' ? t('ledger.savedClosed') : t('ledger.savedOpen')}
      subTitle={t('ledger.savedAt', { time: formatDateTime(saved.at) })}
      extra={
        <Flex vertical gap={16}>
          {photos.chosen.length > 0 && <EvidenceUploadList photos={photos.chosen} uploads={uploads} />}
          <Button type="primary" size="large" block onClick={close} disabled={uploads.busy}>
            {t('ledger.backToList')}
          </Button>
        </Flex>
      }
      data-testid="progress-saved"
    />
  ) : (
    <Form<Values>
      key={itemId ?? 'none'}
      name="progress"
      form={form}
      initialValues={initialValues}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={onValuesChange}
      size="large"
      disabled={report.isPending}
    >
      <Form.Item
        name="note"
        label={t('ledger.note')}
        rules={[{ required: true, whitespace: true, message: t('ledger.noteRequired') }, { max: noteMax }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={noteMax}
          placeholder={t('ledger.notePlaceholder')}
        />
      </Form.Item>
      <Form.Item name="evidence" label={t('ledger.evidence')} extra={t('ledger.evidenceHelp')}>
        <Input maxLength={evidenceMax} placeholder={t('ledger.evidencePlaceholder')} />
      </Form.Item>
      <Form.Item label={t('photos.evidence')} extra={t('photos.evidenceHelp', { max: chosenMax })}>
        <PhotoChooser photos={photos} disabled={report.isPending} />
      </Form.Item>
      <Form.Item name="outcome" label={t('ledger.outcome')}>
        <Segmented
          block
          size="large"
          options={[
            { value: 'open', label: t('ledger.outcomeOpen') },
            { value: 'done', label: t('ledger.outcomeDone') },
          ]}
        />
      </Form.Item>
    </Form>
  );

  return (
    <Drawer
      open={item !== null}
      onClose={close}
      placement={isPhone ? 'bottom' : 'right'}
      size={isPhone ? '88%' : 480}
      mask={{ closable: !uploads.busy }}
      destroyOnHidden
      title={
        <Flex vertical gap={2}>
          <span>{t('ledger.report')}</span>
          {item && (
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
              {item.title}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={state}
      footer={
        saved ? null : (
          <Flex vertical gap={8}>
            {failure && (
              <Alert
                type="error"
                showIcon
                title={t('ledger.notSaved')}
                description={`${failure} ${t('ledger.draftKept')}`}
                data-testid="progress-failed"
              />
            )}
            <Button
              type="primary"
              size="large"
              block
              loading={report.isPending}
              onClick={() => form.submit()}
              style={{ height: 52, fontSize: 17 }}
            >
              {t('ledger.send')}
            </Button>
          </Flex>
        )
      }
    >
      {item && !saved && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <EscalationTag item={item} />
          <Deadline item={item} />
        </Flex>
      )}
      {body}
    </Drawer>
  );
}
