/** 全部事项: every ledger item in scope, the most escalated first; filters in the URL, export with them. */
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { escalations, LedgerListQuery, ledgerEndpoints, ledgerStatuses } from '../../../contract/ledger.js';
import { downloadUrl } from '../../shared/api.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import {
  CustomFilterField,
  EnumFilterField,
  FilterForm,
  SearchFilterField,
} from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { serverPagination } from '../../shared/pagination.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useCan } from '../../shared/session.js';
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
  const exportHref = downloadUrl(ledgerEndpoints.ledgerExport, {
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
          <EnumFilterField
            name="status"
            label={t('ledger.status')}
            values={ledgerStatuses}
            labelOf={(s) => t(`ledger.statuses.${s}`)}
          />
          <EnumFilterField
            name="escalation"
            label={t('ledger.escalation')}
            values={escalations}
            labelOf={(e) => t(`ledger.escalations.${e}`)}
          />
          <CustomFilterField name="taskForceId" label={t('ledger.taskForce')}>
            <TaskForceSelect placeholder={t('common.all')} />
          </CustomFilterField>
          <RegionFilterField
            label={t('ledger.region')}
            placeholder={t('inventory.filterRegionPlaceholder')}
            withCompounds
          />
          <SearchFilterField label={t('ledger.filterQ')} placeholder={t('ledger.filterQPlaceholder')} />
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
        pagination={serverPagination(query, list.data, t, isPhone)}
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
