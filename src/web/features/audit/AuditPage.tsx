/**
 * Admin › Audit log: every recorded action, filtered and paged on the server. Actions and
 * objects read in words with a link to the record; the raw event is one click away.
 */
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Select,
  type TableColumnsType,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AuditEvent, AuditListQuery, auditOutcomes } from '../../../contract/audit.js';
import { DateRangeFilterField } from '../../shared/DateFilterFields.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import {
  CustomFilterField,
  EnumFilterField,
  FilterForm,
  SearchFilterField,
} from '../../shared/FilterForm.js';
import { formatDateTime } from '../../shared/format.js';
import { useListParams } from '../../shared/listParams.js';
import { useIsPhone } from '../../shared/responsive.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { AuditDiff } from './AuditDiff.js';
import { recordLink, recordName, useAuditLabels } from './labels.js';
import { useAuditList } from './queries.js';

type Outcome = AuditEvent['outcome'];

interface AuditFilters {
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  outcome?: Outcome;
  from?: string;
  to?: string;
}

const filterKeys = ['action', 'actor', 'entityType', 'entityId', 'outcome', 'from', 'to'] as const;

const outcomeColour: Record<Outcome, string> = { ok: 'green', denied: 'orange', failed: 'red' };

export function AuditPage() {
  const { t } = useTranslation();
  const _isPhone = useIsPhone();
  const { query, update, key } = useListParams(AuditListQuery);
  const list = useAuditList(query);
  const labels = useAuditLabels();
  const [filterForm] = Form.useForm<AuditFilters>();

  const filters: AuditFilters = Object.fromEntries(filterKeys.map((k) => [k, query[k]]));
  const filtered = filterKeys.some((k) => query[k] !== undefined);
  const applyFilters = (values: AuditFilters) =>
    update({
      ...Object.fromEntries(
        filterKeys.map((k) => [k, typeof values[k] === 'string' ? values[k].trim() : undefined]),
      ),
      page: undefined,
    });
  const clearFilters = () => applyFilters({});

  const onChange: TableProps<AuditEvent>['onChange'] = (pagination) => {
    const sizeChanged = pagination.pageSize !== query.pageSize;
    update({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
  };

  const columns: TableColumnsType<AuditEvent> = [
    {
      key: 'at',
      title: t('audit.at'),
      dataIndex: 'at',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at, true)}</span>,
    },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actorName' },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => <span data-testid="audit-action">{labels.action(action)}</span>,
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, e) => {
        if (!e.entityType) return <Typography.Text type="secondary">—</Typography.Text>;
        const link = recordLink(e);
        const name = recordName(e);
        return (
          <span data-testid="audit-entity">
            {labels.entityType(e.entityType)}
            {name && <Typography.Text style={{ marginInlineStart: 4 }}>{name}</Typography.Text>}
            {link && (
              <Link to={link} style={{ marginInlineStart: 8 }}>
                {t('audit.open')}
              </Link>
            )}
          </span>
        );
      },
    },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      render: (outcome: Outcome) => (
        <Tag color={outcomeColour[outcome]}>{t(`audit.outcomes.${outcome}`)}</Tag>
      ),
    },
  ];

  const emptyText = list.isError ? (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error.message })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  ) : (
    <EmptyHint
      text={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
      action={filtered && <Button onClick={clearFilters}>{t('common.reset')}</Button>}
    />
  );

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card size="small">
        <FilterForm<AuditFilters>
          name="auditFilters"
          form={filterForm}
          values={filters}
          syncKey={key}
          onSearch={applyFilters}
          onReset={clearFilters}
        >
          <CustomFilterField name="action" label={t('audit.action')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="search"
              placeholder={t('audit.actionPlaceholder')}
              options={labels.actionOptions.map((o) => ({ ...o, search: `${o.label} ${o.code}` }))}
            />
          </CustomFilterField>
          <SearchFilterField name="actor" label={t('audit.actor')} />
          <CustomFilterField name="entityType" label={t('audit.entityType')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="search"
              placeholder={t('audit.entityTypePlaceholder')}
              options={labels.entityTypeOptions.map((o) => ({ ...o, search: `${o.label} ${o.code}` }))}
            />
          </CustomFilterField>
          <SearchFilterField name="entityId" label={t('audit.entityId')} />
          <EnumFilterField
            name="outcome"
            label={t('audit.outcome')}
            values={auditOutcomes}
            labelOf={(o) => t(`audit.outcomes.${o}`)}
          />
          <DateRangeFilterField
            label={t('audit.dateRange')}
            from={{ name: 'from', label: t('audit.startDate') }}
            to={{ name: 'to', label: t('audit.endDate') }}
          />
        </FilterForm>
      </Card>
      {list.isError && list.data && <Alert type="error" showIcon title={list.error.message} />}
      <ServerTable<AuditEvent>
        list={list}
        query={query}
        rowKey="seq"
        columns={columns}
        onChange={onChange}
        // The raw record (codes, full ids, before/after JSON) is one click away on every row.
        expandable={{ expandedRowRender: (event) => <AuditDiff event={event} /> }}
        locale={{ emptyText }}
      />
    </Flex>
  );
}
