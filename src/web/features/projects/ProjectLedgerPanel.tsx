/** A project's own supervision ledger: its items, most escalated first; add one or record a meeting. */
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ProjectDetail } from '../../../contract/projects.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { serverPagination } from '../../shared/pagination.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useCan } from '../../shared/session.js';
import { AddItemModal } from '../ledger/AddItemModal.js';
import { LedgerTable } from '../ledger/LedgerTable.js';
import { ProgressDrawer, useReporting } from '../ledger/ProgressDrawer.js';
import { useLedgerList } from '../ledger/queries.js';

export function ProjectLedgerPanel({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useLedgerList({ projectId: p.id, ...paging }, can('ledger.read'));
  const [adding, setAdding] = useState(false);
  const reporting = useReporting(list.refetch);
  const canWrite = can('ledger.write');

  const addButton = canWrite && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
      {t('ledger.add')}
    </Button>
  );
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="flex-end">
        {canWrite && (
          <Button icon={<TeamOutlined />} onClick={() => navigate(`/ledger/meetings/new?projectId=${p.id}`)}>
            {t('project.recordMeeting')}
          </Button>
        )}
        {addButton}
      </Flex>
      <LedgerTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        showProject={false}
        pagination={serverPagination(paging, list.data, t, isPhone)}
        onPage={(pg) =>
          setPaging({
            page: pg.pageSize !== paging.pageSize ? 1 : (pg.current ?? 1),
            pageSize: pg.pageSize ?? paging.pageSize,
          })
        }
        onReport={canWrite ? reporting.open : undefined}
        emptyText={
          list.isError ? (
            <EmptyHint text={t('errors.loadFailed', { message: list.error.message })} />
          ) : (
            <EmptyHint
              text={canWrite ? t('project.ledgerEmpty') : t('project.ledgerEmptyReadOnly')}
              action={addButton}
            />
          )
        }
      />
      <AddItemModal
        open={adding}
        onClose={() => setAdding(false)}
        project={{ id: p.id, regionCode: p.regionCode, compoundName: p.compoundName }}
      />
      <ProgressDrawer item={reporting.item} onClose={reporting.close} onConflict={reporting.onConflict} />
    </Flex>
  );
}
