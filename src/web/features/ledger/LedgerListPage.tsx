/** 全部事项: every ledger item in scope, the most escalated first; filters in the URL, export with them. */
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../contract/api.js';
import { limits } from '../../../contract/common.js';
import { escalations, LedgerListQuery, ledgerStatuses } from '../../../contract/ledger.js';
import { downloadUrl } from '../../shared/api.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { FilterField, FilterForm } from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { serverPagination } from '../../shared/pagination.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useCan } from '../../shared/session.js';
import { RegionSelect } from '../inventory/CompoundFilters.js';
import { AddItemModal } from './AddItemModal.js';
import { LedgerHeader } from './LedgerHeader.js';
import { LedgerTable } from './LedgerTable.js';
import type { Escalation, LedgerStatus } from './labels.js';
import { TaskForceSelect } from './OwnerFields.js';
import { ProgressDrawer, useReporting } from './ProgressDrawer.js';
import { useLedgerList } from './queries.js';

interface Filters {
  status?: LedgerStatus;
  escalation?: Escalation;
  taskForceId?: string;
  region?: string;
  q?: string;
}
const filterKeys = ['status', 'escalation', 'taskForceId', 'region', 'q', 'projectId'] as const;

export function LedgerListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const can = useCan();
  const { query, update, key } = useListParams(LedgerListQuery);
  const list = useLedgerList(query);
  const [form] = Form.useForm<Filters>();
  const [adding, setAdding] = useState(false);
  const reporting = useReporting(list.refetch);

  const filters: Filters = {
    status: query.status,
    escalation: query.escalation,
    taskForceId: query.taskForceId,
    region: query.region,
    q: query.q,
  };
  const filtered = filterKeys.some((k) => query[k] !== undefined);
  const apply = (v: Filters) =>
    update({
      status: v.status,
      escalation: v.escalation,
      taskForceId: v.taskForceId,
      region: v.region,
      q: v.q?.trim(),
      projectId: undefined,
      page: undefined,
    });
  const clear = () => apply({});
  const exportHref = downloadUrl(api.ledgerExport, {
    query: { ...filters, projectId: query.projectId },
  });

  const emptyText = list.isError ? (
    <EmptyHint
      text={t('errors.loadFailed', { message: list.error.message })}
      action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
    />
  ) : filtered ? (
    <EmptyHint
      text={t('ledger.emptyFiltered')}
      action={<Button onClick={clear}>{t('common.reset')}</Button>}
    />
  ) : (
    <EmptyHint text={can('ledger.write') ? t('ledger.empty') : t('ledger.emptyReadOnly')} />
  );

  return (
    <Flex vertical gap={16}>
      <LedgerHeader
        extra={
          <Flex gap={8} wrap>
            <Button href={exportHref} download icon={<FileExcelOutlined />}>
              {t('ledger.export')}
            </Button>
            {can('ledger.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('ledger.add')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card size="small">
        <FilterForm<Filters>
          name="ledgerFilters"
          form={form}
          values={filters}
          syncKey={key}
          onSearch={apply}
          onReset={clear}
        >
          <FilterField>
            <Form.Item name="status" label={t('ledger.status')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={ledgerStatuses.map((s) => ({ value: s, label: t(`ledger.statuses.${s}`) }))}
              />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="escalation" label={t('ledger.escalation')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                options={escalations.map((e) => ({ value: e, label: t(`ledger.escalations.${e}`) }))}
              />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="taskForceId" label={t('ledger.taskForce')}>
              <TaskForceSelect placeholder={t('common.all')} />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="region" label={t('ledger.region')}>
              <RegionSelect />
            </Form.Item>
          </FilterField>
          <FilterField>
            <Form.Item name="q" label={t('ledger.filterQ')}>
              <Input allowClear placeholder={t('ledger.filterQPlaceholder')} maxLength={limits.search.max} />
            </Form.Item>
          </FilterField>
        </FilterForm>
      </Card>
      {query.projectId && (
        <Alert
          type="info"
          showIcon
          title={t('ledger.projectFiltered')}
          action={
            <Button size="small" onClick={() => update({ projectId: undefined, page: undefined })}>
              {t('ledger.allProjects')}
            </Button>
          }
        />
      )}
      {list.isError && list.data && <Alert type="error" showIcon title={list.error.message} />}
      <LedgerTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={serverPagination({ ...query, total: list.data?.total }, t, isPhone)}
        onPage={(p) => {
          const sizeChanged = p.pageSize !== query.pageSize;
          update({ page: sizeChanged ? undefined : p.current, pageSize: p.pageSize });
        }}
        emptyText={emptyText}
        onReport={can('ledger.write') ? reporting.open : undefined}
      />
      <AddItemModal open={adding} onClose={() => setAdding(false)} />
      <ProgressDrawer item={reporting.item} onClose={reporting.close} onConflict={reporting.onConflict} />
    </Flex>
  );
}
