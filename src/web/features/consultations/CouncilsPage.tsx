/** 议事会: a compound's deliberation councils, their members by sector and role, their meetings. */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { limits } from '../../../contract/common.js';
import {
  type Council,
  type CouncilMeetingBody,
  type CouncilMemberBody,
  type CreateCouncilBody,
  councilRoles,
  councilSectors,
} from '../../../contract/consultations.js';
import { districtToday } from '../../../domain/ledger.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { dateItemProps } from '../../shared/format.js';
import { useCan } from '../../shared/session.js';
import { CompoundSelect } from '../projects/CompoundSelect.js';
import { useAddMeeting, useAddMember, useCouncils, useCreateCouncil } from './queries.js';

function MemberDrawer({ council, open, onClose }: { council: Council; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CouncilMemberBody>();
  const add = useAddMember(council.id);
  return (
    <FormDrawer<CouncilMemberBody, Council>
      open={open}
      title={t('consult.addMember')}
      name={`member-${council.id}`}
      form={form}
      initialValues={{ sector: 'residents', role: 'member' }}
      fields={['name', 'sector', 'role', 'phone']}
      submit={(v) => add.mutateAsync(v)}
      onSaved={() => void message.success(t('consult.saved'))}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('consult.memberName')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.name.max} />
      </Form.Item>
      <Form.Item name="sector" label={t('consult.sector')} rules={[{ required: true }]}>
        <Select options={councilSectors.map((s) => ({ value: s, label: t(`consult.sectors.${s}`) }))} />
      </Form.Item>
      <Form.Item name="role" label={t('consult.role')} rules={[{ required: true }]}>
        <Select options={councilRoles.map((r) => ({ value: r, label: t(`consult.councilRoles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="phone" label={t('consult.phone')}>
        <Input maxLength={limits.phone.max} />
      </Form.Item>
    </FormDrawer>
  );
}

function MeetingDrawer({ council, open, onClose }: { council: Council; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CouncilMeetingBody>();
  const add = useAddMeeting(council.id);
  return (
    <FormDrawer<CouncilMeetingBody, Council>
      open={open}
      title={t('consult.addMeeting')}
      name={`meeting-${council.id}`}
      form={form}
      initialValues={{ heldOn: districtToday(), attendeeIds: [] }}
      fields={['heldOn', 'topic', 'attendeeIds', 'attendance', 'minutes']}
      submit={(v) => add.mutateAsync(v)}
      onSaved={() => void message.success(t('consult.saved'))}
      onClose={onClose}
    >
      <Form.Item name="heldOn" label={t('consult.heldOn')} rules={[{ required: true }]} {...dateItemProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="topic" label={t('consult.topic')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.title.max} />
      </Form.Item>
      <Form.Item name="attendeeIds" label={t('consult.attendees')}>
        <Select mode="multiple" options={council.members.map((m) => ({ value: m.id, label: m.name }))} />
      </Form.Item>
      <Form.Item name="attendance" label={t('consult.attendance')} rules={[{ required: true }]}>
        <InputNumber min={1} max={10000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="minutes" label={t('consult.minutes')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={limits.progressNote.max} />
      </Form.Item>
    </FormDrawer>
  );
}

function CouncilCard({ council }: { council: Council }) {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState<'member' | 'meeting' | null>(null);
  const names = new Map(council.members.map((m) => [m.id, m.name]));
  return (
    <Card
      size="small"
      title={council.name}
      extra={`${t('consult.term')} ${council.termStart} ~ ${council.termEnd}`}
    >
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong>{t('consult.members')}</Typography.Text>
          {can('consultation.write') && (
            <Flex gap={8} wrap>
              <Button size="small" onClick={() => setAdding('member')}>
                {t('consult.addMember')}
              </Button>
              <Button size="small" onClick={() => setAdding('meeting')}>
                {t('consult.addMeeting')}
              </Button>
            </Flex>
          )}
        </Flex>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={council.members}
          columns={[
            { title: t('consult.memberName'), dataIndex: 'name' },
            {
              title: t('consult.sector'),
              dataIndex: 'sector',
              render: (s: Council['members'][number]['sector']) => t(`consult.sectors.${s}`),
            },
            {
              title: t('consult.role'),
              dataIndex: 'role',
              render: (r: Council['members'][number]['role']) => t(`consult.councilRoles.${r}`),
            },
          ]}
        />
        <Typography.Text strong>{t('consult.meetings')}</Typography.Text>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={council.meetings}
          columns={[
            { title: t('consult.heldOn'), dataIndex: 'heldOn' },
            { title: t('consult.topic'), dataIndex: 'topic' },
            { title: t('consult.attendance'), dataIndex: 'attendance' },
            {
              title: t('consult.attendees'),
              dataIndex: 'attendeeIds',
              render: (ids: string[]) => ids.map((id) => names.get(id) ?? '').join('、'),
            },
            { title: t('consult.minutes'), dataIndex: 'minutes' },
          ]}
        />
      </Flex>
      {adding === 'member' && <MemberDrawer council={council} open onClose={() => setAdding(null)} />}
      {adding === 'meeting' && <MeetingDrawer council={council} open onClose={() => setAdding(null)} />}
    </Card>
  );
}

function NewCouncilDrawer({
  compoundId,
  open,
  onClose,
}: {
  compoundId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<CreateCouncilBody, 'compoundId'>>();
  const create = useCreateCouncil();
  return (
    <FormDrawer<Omit<CreateCouncilBody, 'compoundId'>, Council>
      open={open}
      title={t('consult.newCouncil')}
      name="newCouncil"
      form={form}
      initialValues={{ name: '旧改议事会', termStart: districtToday() }}
      fields={['name', 'termStart', 'termEnd']}
      submit={(v) => create.mutateAsync({ ...v, compoundId })}
      onSaved={() => void message.success(t('consult.saved'))}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('consult.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.name.max} />
      </Form.Item>
      <Form.Item
        name="termStart"
        label={t('consult.termStart')}
        rules={[{ required: true }]}
        {...dateItemProps}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="termEnd" label={t('consult.termEnd')} rules={[{ required: true }]} {...dateItemProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}

export function CouncilsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const compoundId = params.get('compoundId') ?? undefined;
  const councils = useCouncils(compoundId);
  const [creating, setCreating] = useState(false);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.councils')}
        </Typography.Title>
        {can('consultation.write') && compoundId && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('consult.newCouncil')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Flex vertical gap={4} style={{ maxWidth: 480 }}>
          <Typography.Text>{t('consult.compound')}</Typography.Text>
          <CompoundSelect
            id="councilCompound"
            value={compoundId}
            onChange={(id) => setParams(id ? { compoundId: id } : {})}
          />
        </Flex>
      </Card>
      {!compoundId ? (
        <EmptyHint text={t('consult.chooseCompound')} />
      ) : councils.data?.length === 0 ? (
        <EmptyHint text={t('consult.councilsEmpty')} />
      ) : (
        councils.data?.map((c) => <CouncilCard key={c.id} council={c} />)
      )}
      {compoundId && (
        <NewCouncilDrawer compoundId={compoundId} open={creating} onClose={() => setCreating(false)} />
      )}
    </Flex>
  );
}
