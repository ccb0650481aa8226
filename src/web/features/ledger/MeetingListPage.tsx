/**
 * 会议记录: past progress and on-site office meetings in scope, newest first, filtered by date,
 * kind and project (all in the URL). A meeting opens with the ledger items its decisions created.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { MeetingListQuery, type MeetingSummary, meetingKinds } from '../../../contract/ledger.js';
import { DateFilterField } from '../../shared/DateFilterFields.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import {
  CustomFilterField,
  EnumFilterField,
  FilterForm,
  SearchFilterField,
} from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { useIsPhone } from '../../shared/responsive.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { LedgerHeader } from './LedgerHeader.js';
import { ProjectSelect } from './ProjectSelect.js';
import { useMeetings } from './queries.js';

type Row = z.infer<typeof MeetingSummary>;
type Kind = (typeof meetingKinds)[number];
interface Filters {
  kind?: Kind;
  from?: string;
  to?: string;
  projectId?: string;
  q?: string;
}

export const meetingKindColour: Record<Kind, string> = { progress: 'blue', onsite: 'purple' };

export function MeetingListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const can = useCan();
  const navigate = useNavigate();
  const { query, update, key } = useListParams(MeetingListQuery);
  const list = useMeetings(query);
  const [form] = Form.useForm<Filters>();
  const filters: Filters = {
    kind: query.kind,
    from: query.from,
    to: query.to,
    projectId: query.projectId,
    q: query.q,
  };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const apply = (v: Filters) =>
    update({ kind: v.kind, from: v.from, to: v.to, projectId: v.projectId, q: v.q?.trim(), page: undefined });
  const clear = () => apply({});

  const columns: TableColumnsType<Row> = [
    { key: 'heldOn', title: t('meetings.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      key: 'title',
      title: t('meetings.name'),
      dataIndex: 'title',
      render: (title: string, m) => (
        <Link
          to={`/ledger/meetings/${m.id}`}
          style={{ display: 'inline-block', minWidth: 160, maxWidth: 360 }}
        >
          {title}
        </Link>
      ),
    },
    {
      key: 'kind',
      title: t('meetings.kind'),
      dataIndex: 'kind',
      render: (kind: Kind) => <Tag color={meetingKindColour[kind]}>{t(`meeting.kinds.${kind}`)}</Tag>,
    },
    {
      key: 'project',
      title: t('meetings.project'),
      render: (_, m) =>
        m.projectId ? (
          <Link to={`/projects/${m.projectId}`} style={{ whiteSpace: 'nowrap' }}>
            {m.compoundName}
          </Link>
        ) : (
          '—'
        ),
    },
    ...(isPhone
      ? []
      : [
          {
            key: 'subdistrict',
            title: t('inventory.subdistrict'),
            dataIndex: 'subdistrictName',
            render: (v: string | null) => v ?? '—',
          },
        ]),
    {
      key: 'decisions',
      title: t('meetings.decisions'),
      align: 'right',
      render: (_, m) => (
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>
          {t('meetings.decisionCount', { open: m.openDecisions, count: m.decisions })}
        </Typography.Text>
      ),
    },
  ];

  const emptyText = list.isError ? (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error.message })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  ) : filtered ? (
    <EmptyHint
      text={t('meetings.emptyFiltered')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyHint text={t('meetings.empty')} />
  );

  return (
    <Flex vertical gap={16}>
      <LedgerHeader
        extra={
          can('ledger.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/ledger/meetings/new')}>
              {t('meeting.title')}
            </Button>
          )
        }
      />
      <Card size="small">
        <FilterForm<Filters>
          name="meetingFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={clear}
        >
          <EnumFilterField
            name="kind"
            label={t('meetings.kind')}
            values={meetingKinds}
            labelOf={(k) => t(`meeting.kinds.${k}`)}
          />
          <DateFilterField name="from" label={t('meetings.from')} />
          <DateFilterField name="to" label={t('meetings.to')} />
          <CustomFilterField name="projectId" label={t('meetings.project')}>
            <ProjectSelect />
          </CustomFilterField>
          <SearchFilterField label={t('meetings.filterQ')} placeholder={t('meetings.filterQPlaceholder')} />
        </FilterForm>
      </Card>
      <ServerTable<Row>
        rowKey="id"
        list={list}
        query={query}
        columns={columns}
        data-testid="meeting-list"
        locale={{ emptyText }}
        onChange={(pagination) => {
          const sizeChanged = pagination.pageSize !== query.pageSize;
          update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
        }}
      />
    </Flex>
  );
}
