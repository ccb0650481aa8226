/** The five gates: each one's state, what still holds it, who signed it off, and the sign-off itself. */
import { Button, Card, Flex, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { QualityOverview } from '../../../contract/quality.js';
import { qualityRecordEndpoints } from '../../../contract/quality.js';
import type { Gate } from '../../../domain/quality.js';
import { call } from '../../shared/api.js';
import { FormModal } from '../../shared/FormDrawer.js';
import { formatDateTime } from '../../shared/format.js';
import { useCan } from '../../shared/session.js';
import { GateTag } from './labels.js';
import { useTakeQuality } from './queries.js';

function SignOffModal({ q, gate, onClose }: { q: QualityOverview; gate: Gate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ evidence: string }>();
  const take = useTakeQuality(q.projectId);
  const name = q.gates.find((g) => g.gate === gate)?.name ?? '';
  return (
    <FormModal<{ evidence: string }, QualityOverview>
      open={gate !== null}
      onClose={onClose}
      name="gate-signoff"
      title={t('quality.signOffTitle', { gate: name })}
      form={form}
      fields={['evidence']}
      okText={t('quality.signOff')}
      submit={async ({ evidence }) =>
        take(
          await call(qualityRecordEndpoints.signOffGate, {
            params: { id: q.projectId, gate: gate ?? 'process' },
            body: { evidence },
          }),
        )
      }
    >
      <Form.Item
        name="evidence"
        label={t('quality.evidence')}
        rules={[{ required: true, whitespace: true }]}
        extra={t('quality.evidenceHelp')}
      >
        <Input.TextArea rows={3} maxLength={limits.shortNote.max} />
      </Form.Item>
    </FormModal>
  );
}

export function GatesPanel({ q }: { q: QualityOverview }) {
  const { t } = useTranslation();
  const can = useCan();
  const [signing, setSigning] = useState<Gate | null>(null);
  return (
    <Card title={t('quality.gates')} size="small">
      <List
        dataSource={q.gates}
        renderItem={(g) => (
          <List.Item
            data-testid={`gate-${g.gate}`}
            actions={
              // The acceptance gate passes by its six signatures, not by a sign-off.
              can('quality.manage') && g.gate !== 'acceptance' && g.status === 'ready'
                ? [
                    <Button key="sign" type="primary" size="small" onClick={() => setSigning(g.gate)}>
                      {t('quality.signOff')}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{g.name}</Typography.Text>
                <GateTag status={g.status} />
              </Flex>
              {g.problems.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {g.problems.map((p) => (
                    <li key={p}>
                      <Typography.Text type="secondary">{p}</Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
              {g.signoff && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('quality.signedOffBy', { by: g.signoff.by, at: formatDateTime(g.signoff.at) })} ·{' '}
                  {g.signoff.evidence}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
      <SignOffModal q={q} gate={signing} onClose={() => setSigning(null)} />
    </Card>
  );
}
