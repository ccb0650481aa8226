/** 群众意见: the inbox of residents' opinions in scope, with filters in the URL. */
import { Card, Flex, Form, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Opinion, OpinionListQuery, opinionStatuses } from '../../../contract/opinions.js';
import { defaultOpinionCategories } from '../../../domain/opinions.js';
import { DateRangeFilterField } from '../../shared/DateFilterFields.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { EnumFilterField, FilterForm } from '../../shared/FilterForm.js';
import { formatDateTime } from '../../shared/format.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useOpinions } from './queries.js';

interface Filters {
  status?: Opinion['status'];
  category?: string;
  region?: string;
  from?: string;
  to?: string;
}

export const statusColors: Record<Opinion['status'], string> = {
  received: 'red',
  answered: 'green',
  ticket: 'orange',
  ledger: 'orange',
  closed: 'default',
};

export function InboxPage() {
  const { t } = useTranslation();
  const { query, update, key } = useListParams(OpinionListQuery);
  const list = useOpinions(query);
  const [form] = Form.useForm<Filters>();
  const filters: Filters = {
    status: query.status,
    category: query.category,
    region: query.region,
    from: query.from,
    to: query.to,
  };
  const apply = (v: Filters) => update({ ...v, page: undefined });
  const filtered = Object.values(filters).some((v) => v !== undefined) || Boolean(query.compoundId);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.opinions')}
      </Typography.Title>
      <Card size="small">
        <FilterForm<Filters>
          name="opinionFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={() =>
            update({
              status: undefined,
              category: undefined,
              region: undefined,
              from: undefined,
              to: undefined,
              compoundId: undefined,
              page: undefined,
            })
          }
        >
          <EnumFilterField
            name="status"
            label={t('opinions.status')}
            values={opinionStatuses}
            labelOf={(s) => t(`opinions.statuses.${s}`)}
          />
          <EnumFilterField
            name="category"
            label={t('opinions.category')}
            values={defaultOpinionCategories}
            labelOf={(c) => c}
          />
          <RegionFilterField label={t('opinions.compound')} withCompounds />
          <DateRangeFilterField
            label={t('opinions.period')}
            from={{ name: 'from', label: t('opinions.from') }}
            to={{ name: 'to', label: t('opinions.to') }}
          />
        </FilterForm>
      </Card>
      <ServerTable<Opinion>
        list={list}
        query={query}
        rowKey="id"
        onChange={(p) => update({ page: p.current, pageSize: p.pageSize })}
        locale={{
          emptyText: <EmptyHint text={filtered ? t('opinions.emptyFiltered') : t('opinions.empty')} />,
        }}
        columns={[
          {
            title: t('opinions.createdAt'),
            dataIndex: 'createdAt',
            render: (at: string, o) => <Link to={`/opinions/${o.id}`}>{formatDateTime(at)}</Link>,
          },
          { title: t('opinions.compound'), dataIndex: 'compoundName' },
          { title: t('opinions.category'), dataIndex: 'category' },
          {
            title: t('opinions.text'),
            dataIndex: 'text',
            ellipsis: true,
            render: (text: string) => <span className="opinion-text">{text}</span>,
          },
          {
            title: t('opinions.status'),
            dataIndex: 'status',
            render: (s: Opinion['status']) => (
              <Tag color={statusColors[s]}>{t(`opinions.statuses.${s}`)}</Tag>
            ),
          },
        ]}
      />
    </Flex>
  );
}
