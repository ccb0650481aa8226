/**
 * Concealed works (隐蔽工程): the construction unit asks before covering, the supervising engineer
 * (a supervisor named for the project's supervising unit, and no one else) accepts or rejects on
 * site with at least one photo (a rejection orders a fix), and only accepted works are marked covered. Both field forms keep their draft through a dropped connection.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, List, Popconfirm, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { QualityOverview } from '../../../contract/quality.js';
import { qualityRecordEndpoints } from '../../../contract/quality.js';
import { districtToday } from '../../../domain/ledger.js';
import { addDays } from '../../../domain/quality.js';
import { ApiError, call } from '../../shared/api.js';
import { dateItemProps, formatDateTime } from '../../shared/format.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useCan } from '../../shared/session.js';
import { draftKey, useSiteDraft } from './drafts.js';
import { ConcealedTag, DraftTag } from './labels.js';
import { QualityPhotos } from './photos.js';
import { sendQualityPhoto, useQualityNow, useTakeQuality } from './queries.js';
import { useReportRefusal } from './refusals.js';
import { SiteFormDrawer } from './SiteFormDrawer.js';

type Concealed = QualityOverview['concealedWorks'][number];

interface RequestValues {
  part: string;
  location: string;
  description?: string;
}

function RequestForm({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const draft = useSiteDraft<RequestValues>(draftKey(q.projectId, 'concealed-request'));
  const take = useTakeQuality(q.projectId);
  return (
    <Flex gap={4} align="center">
      {!open && <DraftTag state={draft.state} />}
      <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('quality.requestConcealed')}
      </Button>
      <SiteFormDrawer<RequestValues>
        draft={draft}
        open={open}
        onClose={() => setOpen(false)}
        name="concealed-request"
        title={t('quality.requestConcealed')}
        fields={['part', 'location', 'description']}
        defaults={{ part: '', location: '' }}
        photos={false}
        send={async ({ values: v }) =>
          take(
            await call(qualityRecordEndpoints.requestConcealed, {
              params: { id: q.projectId },
              body: { part: v.part, location: v.location, description: v.description ?? '' },
            }),
          )
        }
      >
        <Form.Item
          name="part"
          label={t('quality.concealedPart')}
          rules={[{ required: true, whitespace: true }]}
          extra={t('quality.concealedPartHelp')}
        >
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item
          name="location"
          label={t('quality.location')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={limits.title.max} />
        </Form.Item>
        <Form.Item name="description" label={t('quality.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={limits.shortNote.max} />
        </Form.Item>
      </SiteFormDrawer>
    </Flex>
  );
}

interface DecisionValues {
  decision: 'accepted' | 'rejected';
  note?: string;
  deadline?: string;
}

function DecisionForm({ q, c }: { q: QualityOverview; c: Concealed }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  const draft = useSiteDraft<DecisionValues>(draftKey(q.projectId, `concealed-decision.${c.id}`));
  const take = useTakeQuality(q.projectId);
  const now = useQualityNow(q.projectId);
  return (
    <>
      {!open && <DraftTag state={draft.state} />}
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        {t('quality.decideConcealed')}
      </Button>
      <SiteFormDrawer<DecisionValues>
        draft={draft}
        open={open}
        onClose={() => setOpen(false)}
        name={`concealed-decision-${c.id}`}
        title={`${t('quality.decideConcealed')} · ${c.part}`}
        fields={['decision', 'note', 'deadline']}
        defaults={{ decision: 'accepted' }}
        send={async ({ values: v, photos, sent }) => {
          // A decision needs a photo: one chosen now, or one already attached to the request.
          const attached = now()?.concealedWorks.find((x) => x.id === c.id)?.photos.length ?? c.photos.length;
          if (photos.length === 0 && attached === 0)
            throw new ApiError(400, 'VALIDATION_FAILED', t('quality.decisionPhotoRequired'));
          // The photos first: they show what the engineer saw before deciding.
          for (const photo of photos) {
            await sendQualityPhoto('concealed', c.id, photo.file);
            sent(photo);
          }
          const version = now()?.concealedWorks.find((x) => x.id === c.id)?.version ?? c.version;
          take(
            await call(qualityRecordEndpoints.decideConcealed, {
              params: { id: c.id },
              body: {
                version,
                decision: v.decision,
                note: v.note ?? '',
                deadline: v.decision === 'rejected' ? (v.deadline ?? null) : null,
              },
            }),
          );
        }}
      >
        <Form.Item name="decision" label={t('quality.decision')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'accepted', label: t('quality.concealedStatuses.accepted') },
              { value: 'rejected', label: t('quality.concealedStatuses.rejected') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('quality.decisionNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={limits.shortNote.max} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.decision !== b.decision}>
          {({ getFieldValue }) =>
            getFieldValue('decision') === 'rejected' ? (
              <Form.Item
                name="deadline"
                label={t('quality.fixDeadline')}
                rules={[{ required: true }]}
                initialValue={addDays(districtToday(), 7)}
                {...dateItemProps}
              >
                <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
      </SiteFormDrawer>
    </>
  );
}

function CoverButton({ q, c }: { q: QualityOverview; c: Concealed }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportRefusal();
  const take = useTakeQuality(q.projectId);
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title={t('quality.coverConfirm')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={async () => {
        setBusy(true);
        try {
          take(
            await call(qualityRecordEndpoints.coverConcealed, {
              params: { id: c.id },
              body: { version: c.version },
            }),
          );
          void message.success(t('quality.coveredDone'));
        } catch (error) {
          report(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button size="small" loading={busy}>
        {t('quality.markCovered')}
      </Button>
    </Popconfirm>
  );
}

export function ConcealedPanel({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Card title={t('quality.concealed')} size="small" extra={can('quality.rectify') && <RequestForm q={q} />}>
      <List
        dataSource={q.concealedWorks}
        locale={{ emptyText: t('quality.noConcealed') }}
        renderItem={(c) => (
          <List.Item data-testid="concealed">
            <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{c.part}</Typography.Text>
                <ConcealedTag status={c.status} covered={c.coveredAt !== null} />
              </Flex>
              <Typography.Text type="secondary">
                {c.location} · {t('quality.requestedAt', { at: formatDateTime(c.requestedAt) })}
              </Typography.Text>
              {c.description && <Typography.Text>{c.description}</Typography.Text>}
              {c.decidedAt && (
                <Typography.Text>
                  {t('quality.decidedAt', { at: formatDateTime(c.decidedAt) })}
                  {c.decisionNote ? ` · ${c.decisionNote}` : ''}
                </Typography.Text>
              )}
              {c.coveredAt && (
                <Typography.Text type="secondary">
                  {t('quality.coveredAt', { at: formatDateTime(c.coveredAt) })}
                </Typography.Text>
              )}
              <QualityPhotos photos={c.photos} />
              <Flex gap={8} wrap align="center">
                {q.supervisingEngineer && c.status === 'requested' && <DecisionForm q={q} c={c} />}
                {can('quality.rectify') && c.status === 'accepted' && !c.coveredAt && (
                  <CoverButton q={q} c={c} />
                )}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
