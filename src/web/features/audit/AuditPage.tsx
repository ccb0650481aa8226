/**
 * Admin › Audit log: every recorded action, filtered and paged on the server. Actions and
 * objects read in words with a link to the record; the raw event is one click away.
 */
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  type TableColumnsType,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AuditEvent, AuditListQuery, auditOutcomes } from '../../../contract/audit.js';
import { limits } from '../../../contract/common.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { FilterField, FilterForm } from '../../shared/FilterForm.js';
import { dateFormat, formatDateTime } from '../../shared/format.js';
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

// The form keeps dates as 'YYYY-MM-DD' strings, exactly as they go into the query.
const dateItemProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format(dateFormat) : undefined),
};

const textFilter = { maxLength: limits.search.max, allowClear: true };

export function AuditPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { query, update, key } = useListParams(AuditListQuery);
  const list = useAuditList(query);
  const labels = useAuditLabels();
  const [filterForm] = Form.useForm<AuditFilters>();
  const from = Form.useWatch('from', filterForm);
  const to = Form.useWatch('to', filterForm);

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
          <FilterField>
            <Form.Item name="action" label={t('audit.action')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="search"
                placeholder={t('audit.actionPlaceholder')}
                options={labels.actionOptions.map((o) => ({ ...o, search: `${o.label} ${o.code}` }))}
              />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input {...textFilter} />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="entityType" label={t('audit.entityType')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="search"
                placeholder={t('audit.entityTypePlaceholder')}
                options={labels.entityTypeOptions.map((o) => ({ ...o, search: `${o.label} ${o.code}` }))}
              />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="entityId" label={t('audit.entityId')}>
              <Input {...textFilter} />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="outcome" label={t('audit.outcome')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={auditOutcomes.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
              />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item label={t('audit.dateRange')} style={{ marginBottom: 0 }}>
              <Flex gap={8}>
                <Form.Item name="from" {...dateItemProps} style={{ flex: 1 }}>
                  <DatePicker
                    placeholder={t('audit.startDate')}
                    aria-label={t('audit.startDate')}
                    style={{ width: '100%' }}
                    disabledDate={(d) => Boolean(to && d.isAfter(dayjs(to), 'day'))}
                    inputReadOnly={isPhone}
                  />
                </Form.Item>
                <Form.Item name="to" {...dateItemProps} style={{ flex: 1 }}>
                  <DatePicker
                    placeholder={t('audit.endDate')}
                    aria-label={t('audit.endDate')}
                    style={{ width: '100%' }}
                    disabledDate={(d) => Boolean(from && d.isBefore(dayjs(from), 'day'))}
                    inputReadOnly={isPhone}
                  />
                </Form.Item>
              </Flex>
            </Form.Item>
          </FilterField>
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
