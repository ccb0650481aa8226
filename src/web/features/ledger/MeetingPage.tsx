/**
 * 记录会议: a progress meeting or on-site office meeting, the problems it studied and the measures
 * it decided. Each decision becomes a ledger item with an owner and a deadline, in the same step.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { limits } from '../../../contract/common.js';
import { type Meeting, priorities } from '../../../contract/ledger.js';
import { districtToday } from '../../../domain/ledger.js';
import { useErrorReporter } from '../../shared/errors.js';
import { dateItemProps } from '../../shared/format.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useProject } from '../projects/queries.js';
import { beforeToday } from './AddItemModal.js';
import { LedgerHeader } from './LedgerHeader.js';
import { LedgerTable } from './LedgerTable.js';
import type { Priority } from './labels.js';
import { meetingFieldPath } from './meetingFields.js';
import { OwnerFields, TaskForceSelect } from './OwnerFields.js';
import { type OwnerValues, ownerBody } from './owner.js';
import { ProjectSelect } from './ProjectSelect.js';
import { useCreateMeeting } from './queries.js';

interface Decision extends OwnerValues {
  title: string;
  deadline: string;
  priority: Priority;
}

interface Values {
  kind: 'progress' | 'onsite';
  title: string;
  heldOn: string;
  attendees: string[];
  problems?: string;
  projectId?: string;
  decisions: Decision[];
}

const emptyDecision: Partial<Decision> = { priority: 'normal', ownerKind: 'cadre' };

function Created({ meeting, onAnother }: { meeting: z.infer<typeof Meeting>; onAnother: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card data-testid="meeting-created">
      <Result
        status="success"
        title={t('meeting.created', { title: meeting.title })}
        subTitle={t('meeting.createdHint', { count: meeting.items.length })}
        extra={[
          <Button key="list" type="primary" onClick={() => navigate('/ledger')}>
            {t('meeting.toList')}
          </Button>,
          <Button key="again" onClick={onAnother}>
            {t('meeting.another')}
          </Button>,
        ]}
      />
      <LedgerTable items={meeting.items} pagination={false} emptyText={null} />
    </Card>
  );
}

export function MeetingPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const report = useErrorReporter();
  const [searchParams] = useSearchParams();
  const linked = searchParams.get('projectId');
  const project = useProject(linked ?? '');
  const linkedProject = linked && project.data ? project.data : null;
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting();
  const [created, setCreated] = useState<z.infer<typeof Meeting> | null>(null);
  const projectId = Form.useWatch('projectId', form);
  const region = projectId && projectId === linkedProject?.id ? linkedProject.regionCode : undefined;

  const onFinish = (v: Values) =>
    create.mutate(
      {
        kind: v.kind,
        title: v.title.trim(),
        heldOn: v.heldOn,
        attendees: (v.attendees ?? []).map((a) => a.trim()).filter(Boolean),
        ...(v.problems?.trim() ? { problems: v.problems.trim() } : {}),
        ...(v.projectId ? { projectId: v.projectId } : {}),
        decisions: v.decisions.map((d) => ({
          title: d.title.trim(),
          ...ownerBody(d),
          deadline: d.deadline,
          priority: d.priority,
        })),
      },
      {
        onSuccess: (meeting) => {
          setCreated(meeting);
          form.resetFields();
          window.scrollTo({ top: 0 });
        },
        onError: (error) => report(error, { form, mapPath: meetingFieldPath }),
      },
    );

  if (created) {
    return (
      <Flex vertical gap={16}>
        <LedgerHeader />
        <Created meeting={created} onAnother={() => setCreated(null)} />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <LedgerHeader />
      <Form<Values>
        name="meeting"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError
        // Enter confirms a date or an attendee here; a long form is sent with its button only.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
        }}
        initialValues={{
          kind: 'progress',
          heldOn: districtToday(),
          attendees: [],
          decisions: [emptyDecision],
          ...(linked ? { projectId: linked } : {}),
        }}
        style={{ maxWidth: 1000 }}
      >
        <Card title={t('meeting.title')} size="small">
          <Typography.Paragraph type="secondary">{t('meeting.hint')}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t('meeting.kind')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'progress', label: t('meeting.kinds.progress') },
                    { value: 'onsite', label: t('meeting.kinds.onsite') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="heldOn"
                label={t('meeting.heldOn')}
                rules={[{ required: true }]}
                {...dateItemProps}
              >
                <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="title"
                label={t('meeting.name')}
                rules={[{ required: true, whitespace: true }, { max: limits.title.max }]}
              >
                <Input maxLength={limits.title.max} placeholder={t('meeting.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="attendees" label={t('meeting.attendees')} extra={t('meeting.attendeesHelp')}>
                <Select
                  mode="tags"
                  open={false}
                  tokenSeparators={[',', '，', '、', ';', '；']}
                  placeholder={t('meeting.attendeesPlaceholder')}
                  suffixIcon={null}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="projectId" label={t('meeting.project')} extra={t('meeting.projectHelp')}>
                <ProjectSelect
                  known={
                    linkedProject
                      ? {
                          id: linkedProject.id,
                          label: t('ledger.projectLabel', {
                            name: linkedProject.compoundName,
                            year: linkedProject.year,
                          }),
                        }
                      : null
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="problems" label={t('meeting.problems')}>
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 10 }}
                  maxLength={limits.meetingProblems.max}
                  placeholder={t('meeting.problemsPlaceholder')}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('meeting.decisions')} size="small" style={{ marginTop: 16 }}>
          <Typography.Paragraph type="secondary">{t('meeting.decisionsHint')}</Typography.Paragraph>
          <Form.List
            name="decisions"
            rules={[
              {
                validator: (_, value: unknown[] | undefined) =>
                  value && value.length > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('meeting.decisionsRequired'))),
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={12}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    title={t('meeting.decision', { n: index + 1 })}
                    data-testid={`decision-${index}`}
                    extra={
                      fields.length > 1 && (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={t('meeting.removeDecision', { n: index + 1 })}
                        />
                      )
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={24} lg={12}>
                        <Form.Item
                          name={[field.name, 'title']}
                          label={t('meeting.decisionTitle')}
                          rules={[{ required: true, whitespace: true }, { max: limits.title.max }]}
                        >
                          <Input
                            maxLength={limits.title.max}
                            placeholder={t('meeting.decisionPlaceholder')}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} lg={12}>
                        <Form.Item name={[field.name, 'taskForceId']} label={t('ledger.taskForce')}>
                          <TaskForceSelect />
                        </Form.Item>
                      </Col>
                      <Col xs={24}>
                        <OwnerFields name={[field.name]} path={['decisions', field.name]} region={region} />
                      </Col>
                      <Col xs={24} sm={12}>
                        <Form.Item
                          name={[field.name, 'deadline']}
                          label={t('ledger.deadline')}
                          rules={[{ required: true }]}
                          {...dateItemProps}
                        >
                          <DatePicker
                            style={{ width: '100%' }}
                            disabledDate={beforeToday}
                            inputReadOnly={isPhone}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12}>
                        <Form.Item name={[field.name, 'priority']} label={t('ledger.priority')}>
                          <Select
                            options={priorities.map((p) => ({
                              value: p,
                              label: t(`ledger.priorities.${p}`),
                            }))}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyDecision)} block>
                  {t('meeting.addDecision')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button type="primary" size="large" htmlType="submit" loading={create.isPending} block={isPhone}>
            {t('meeting.submit')}
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}
