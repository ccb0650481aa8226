/** 业主表决: the votes in scope; staff draft a new one on a compound, a building or a stairwell unit. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { limits } from '../../../contract/common.js';
import {
  type CreateVoteBody,
  type Vote,
  VoteListQuery,
  voteMatters,
  voteScopes,
  voteStatuses,
} from '../../../contract/votes.js';
import { districtToday } from '../../../domain/ledger.js';
import { specialMatters } from '../../../domain/votes.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { EnumFilterField, FilterForm, SearchFilterField } from '../../shared/FilterForm.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { dateItemProps } from '../../shared/format.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { useCompound } from '../inventory/queries.js';
import { CompoundSelect } from '../projects/CompoundSelect.js';
import { scopeOf, VoteStatusTag } from './labels.js';
import { useCreateVote, useVotes } from './queries.js';

interface Filters {
  status?: Vote['status'];
  matter?: Vote['matter'];
  region?: string;
  q?: string;
}

const inDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const fields = [
  'compoundId',
  'scope',
  'buildingId',
  'unit',
  'matter',
  'title',
  'description',
  'startsOn',
  'endsOn',
];

/**
 * Draft a vote. `prefill` and `returnTo` come from a consultation's resolve step: its compound
 * (and a title), and the consultation to come back to from the vote's page.
 */
export function CreateVoteDrawer({
  open,
  onClose,
  prefill,
  returnTo,
}: {
  open: boolean;
  onClose: () => void;
  prefill?: Partial<CreateVoteBody>;
  returnTo?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateVoteBody>();
  const compoundId = Form.useWatch('compoundId', form);
  const scope = Form.useWatch('scope', form);
  const matter = Form.useWatch('matter', form);
  const compound = useCompound(compoundId ?? '');
  const create = useCreateVote();
  return (
    <FormDrawer<CreateVoteBody, Awaited<ReturnType<typeof create.mutateAsync>>>
      open={open}
      onClose={onClose}
      name="createVote"
      form={form}
      fields={fields}
      title={t('votes.createTitle')}
      initialValues={{
        scope: 'compound',
        matter: 'renovation_plan',
        startsOn: districtToday(),
        endsOn: inDays(districtToday(), 14),
        ...prefill,
      }}
      submit={(values) => create.mutateAsync(values)}
      onSaved={(v) => void navigate(returnTo ? `/votes/${v.id}?consultation=${returnTo}` : `/votes/${v.id}`)}
    >
      <Form.Item name="compoundId" label={t('votes.compound')} rules={[{ required: true }]}>
        <CompoundSelect />
      </Form.Item>
      <Form.Item
        name="scope"
        label={t('votes.scope')}
        rules={[{ required: true }]}
        extra={matter === 'add_lift' ? t('votes.liftScope') : undefined}
      >
        <Select
          options={voteScopes.map((s) => ({
            value: s,
            label: t(`votes.scopes.${s}`),
            // Adding a lift is voted per stairwell unit or building, not by the whole compound.
            disabled: matter === 'add_lift' && s === 'compound',
          }))}
        />
      </Form.Item>
      {scope && scope !== 'compound' && (
        <Form.Item name="buildingId" label={t('votes.building')} rules={[{ required: true }]}>
          <Select
            disabled={!compoundId}
            options={(compound.data?.buildings ?? []).map((b) => ({ value: b.id, label: b.number }))}
          />
        </Form.Item>
      )}
      {scope === 'unit' && (
        <Form.Item name="unit" label={t('votes.unit')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={limits.name.max} placeholder={t('votes.unitPlaceholder')} />
        </Form.Item>
      )}
      <Form.Item
        name="matter"
        label={t('votes.matter')}
        rules={[{ required: true }]}
        extra={
          matter ? (specialMatters.includes(matter) ? t('votes.special') : t('votes.general')) : undefined
        }
      >
        <Select options={voteMatters.map((m) => ({ value: m, label: t(`votes.matters.${m}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('votes.voteTitle')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={limits.title.max} />
      </Form.Item>
      <Form.Item name="description" label={t('votes.description')}>
        <Input.TextArea maxLength={limits.shortNote.max} rows={3} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('votes.startsOn')} rules={[{ required: true }]} {...dateItemProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endsOn" label={t('votes.endsOn')} rules={[{ required: true }]} {...dateItemProps}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}

export function VotesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { query, update, key } = useListParams(VoteListQuery);
  const list = useVotes(query);
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const filters: Filters = { status: query.status, matter: query.matter, region: query.region, q: query.q };
  const apply = (v: Filters) => update({ ...v, q: v.q?.trim(), page: undefined });
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.votes')}
        </Typography.Title>
        {can('vote.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('votes.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <FilterForm<Filters>
          name="voteFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={() => apply({})}
        >
          <EnumFilterField
            name="status"
            label={t('votes.status')}
            values={voteStatuses}
            labelOf={(s) => t(`votes.statuses.${s}`)}
          />
          <EnumFilterField
            name="matter"
            label={t('votes.matter')}
            values={voteMatters}
            labelOf={(m) => t(`votes.matters.${m}`)}
          />
          <RegionFilterField label={t('votes.region')} withCompounds />
          <SearchFilterField label={t('votes.filterQ')} placeholder={t('votes.filterQPlaceholder')} />
        </FilterForm>
      </Card>
      <ServerTable<Vote>
        list={list}
        query={query}
        rowKey="id"
        onChange={(p) => update({ page: p.current, pageSize: p.pageSize })}
        locale={{ emptyText: <EmptyHint text={filtered ? t('votes.emptyFiltered') : t('votes.empty')} /> }}
        columns={[
          {
            title: t('votes.voteTitle'),
            dataIndex: 'title',
            render: (title: string, v) => <Link to={`/votes/${v.id}`}>{title}</Link>,
          },
          { title: t('votes.compound'), dataIndex: 'compoundName' },
          {
            title: t('votes.scope'),
            key: 'scope',
            render: (_x, v) => scopeOf(v, t('votes.scopes.compound')),
          },
          {
            title: t('votes.matter'),
            dataIndex: 'matter',
            render: (m: Vote['matter']) => t(`votes.matters.${m}`),
          },
          { title: t('votes.dates'), key: 'dates', render: (_x, v) => `${v.startsOn} ~ ${v.endsOn}` },
          { title: t('votes.ballots'), key: 'ballots', render: (_x, v) => `${v.ballots} / ${v.voters}` },
          { title: t('votes.status'), key: 'status', render: (_x, v) => <VoteStatusTag vote={v} /> },
        ]}
      />
      <CreateVoteDrawer open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
