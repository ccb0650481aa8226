/**
 * The questionnaire residents open from their notice (a link per compound, no login): they name
 * their building, unit and room and prove the household with the notice's code. Made for a phone.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { limits } from '../../../contract/common.js';
import type { PublicAnswerBody } from '../../../contract/consultations.js';
import { useErrorReporter } from '../../shared/errors.js';
import { usePublicAnswer, usePublicQuestionnaire } from './queries.js';

const fields = ['building', 'unit', 'room', 'code', 'renovate', 'items', 'remarks'];

export function PublicPage() {
  const { t } = useTranslation();
  const { compoundId = '' } = useParams();
  const q = usePublicQuestionnaire(compoundId);
  const answer = usePublicAnswer(compoundId);
  const report = useErrorReporter();
  const [form] = Form.useForm<PublicAnswerBody>();
  const [done, setDone] = useState(false);
  const wrap = (children: React.ReactNode) => (
    <Flex justify="center" style={{ padding: 12, minHeight: '100vh', background: '#f5f5f5' }}>
      <div style={{ width: '100%', maxWidth: 480 }}>{children}</div>
    </Flex>
  );
  if (q.isPending) return wrap(<Spin />);
  if (!q.data) return wrap(<Result status="info" title={t('publicQ.notOpen')} />);
  const data = q.data;
  if (done)
    return wrap(<Result status="success" title={t('publicQ.thanks')} subTitle={t('publicQ.thanksDetail')} />);
  const optional = data.items.filter((i) => !i.mandatory);
  const mandatory = data.items.filter((i) => i.mandatory);
  return wrap(
    <Card title={t('publicQ.title')}>
      <Flex vertical gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data.compoundName}
        </Typography.Title>
        <Typography.Text strong>{data.title}</Typography.Text>
        <Alert type="info" title={data.intro} />
        <Form
          form={form}
          name="publicAnswer"
          layout="vertical"
          initialValues={{ items: [] }}
          onFinish={(v) =>
            answer.mutate(v, {
              onSuccess: () => setDone(true),
              onError: (error) => report(error, { form, fields }),
            })
          }
        >
          <Flex gap={8}>
            <Form.Item
              name="building"
              label={t('publicQ.building')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Select options={data.buildings.map((b) => ({ value: b, label: b }))} />
            </Form.Item>
            <Form.Item
              name="unit"
              label={t('publicQ.unit')}
              rules={[{ required: true, whitespace: true }]}
              style={{ flex: 1 }}
            >
              <Input maxLength={limits.name.max} />
            </Form.Item>
            <Form.Item
              name="room"
              label={t('publicQ.room')}
              rules={[{ required: true, whitespace: true }]}
              style={{ flex: 1 }}
            >
              <Input maxLength={limits.name.max} inputMode="numeric" />
            </Form.Item>
          </Flex>
          <Form.Item
            name="code"
            label={t('publicQ.code')}
            extra={t('publicQ.codeHint')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={20} autoComplete="off" autoCapitalize="characters" />
          </Form.Item>
          <Form.Item name="renovate" label={t('publicQ.renovate')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('publicQ.yes') },
                { value: false, label: t('publicQ.no') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('publicQ.items')} extra={t('publicQ.mandatoryHint')}>
            <Flex wrap gap={4}>
              {mandatory.map((i) => (
                <Tag key={i.code} color="red">
                  {i.name} · {t('publicQ.mandatory')}
                </Tag>
              ))}
            </Flex>
          </Form.Item>
          {optional.length > 0 && (
            <Form.Item name="items" extra={t('publicQ.optionalHint')}>
              <Checkbox.Group options={optional.map((i) => ({ value: i.code, label: i.name }))} />
            </Form.Item>
          )}
          <Form.Item name="remarks" label={t('publicQ.remarks')}>
            <Input.TextArea rows={3} maxLength={limits.shortNote.max} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={answer.isPending}>
            {t('publicQ.submit')}
          </Button>
        </Form>
      </Flex>
    </Card>,
  );
}
