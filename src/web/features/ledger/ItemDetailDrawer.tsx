/**
 * One ledger item in full: who owns it, who supervises it, where it came from, how urgent it is,
 * and every progress report with its evidence. Those who may report on an open item do so from here.
 */
import { FormOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  type DescriptionsProps,
  Drawer,
  Flex,
  Skeleton,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedgerItemDetail } from '../../../contract/ledger.js';
import { useIsPhone } from '../../shared/responsive.js';
import { Deadline, EscalationTag, LedgerStatusTag, OwnerCell, PriorityTag } from './labels.js';
import { ProgressDrawer } from './ProgressDrawer.js';
import { ProgressTimeline } from './ProgressTimeline.js';
import { useLedgerItem } from './queries.js';

/** Which item's detail is shown; the id stays while the drawer slides shut. */
export function useItemDetail() {
  const [shown, setShown] = useState<{ id: string | null; open: boolean }>({ id: null, open: false });
  return {
    ...shown,
    show: (id: string) => setShown({ id, open: true }),
    close: () => setShown((s) => ({ ...s, open: false })),
  };
}

/** An item's title as a link-styled button that opens its detail. */
export function ItemTitleButton({
  title,
  onOpen,
  large,
}: {
  title: string;
  onOpen: () => void;
  large?: boolean;
}) {
  return (
    <Button
      type="link"
      onClick={onOpen}
      style={{
        padding: 0,
        height: 'auto',
        whiteSpace: 'normal',
        textAlign: 'start',
        fontWeight: 600,
        fontSize: large ? 16 : undefined,
      }}
    >
      {title}
    </Button>
  );
}

const none = <Typography.Text type="secondary">—</Typography.Text>;

function Facts({ item }: { item: LedgerItemDetail }) {
  const { t } = useTranslation();
  const facts: DescriptionsProps['items'] = [
    {
      key: 'state',
      label: t('ledger.status'),
      children: (
        <Flex gap={4} wrap align="center">
          <LedgerStatusTag status={item.status} />
          <PriorityTag priority={item.priority} />
          <EscalationTag item={item} />
        </Flex>
      ),
    },
    { key: 'deadline', label: t('ledger.deadline'), children: <Deadline item={item} /> },
    { key: 'owner', label: t('ledger.owner'), children: <OwnerCell owner={item.owner} /> },
    {
      key: 'taskForce',
      label: t('ledger.taskForce'),
      children: item.taskForce?.name ?? t('ledger.noTaskForce'),
    },
    {
      key: 'project',
      label: t('ledger.project'),
      children: item.projectId ? (
        <Link to={`/projects/${item.projectId}`}>{item.compoundName ?? t('ledger.project')}</Link>
      ) : (
        t('ledger.noProject')
      ),
    },
    { key: 'subdistrict', label: t('inventory.subdistrict'), children: item.subdistrictName ?? none },
    {
      key: 'meeting',
      label: t('ledger.meeting'),
      children: item.meeting ? (
        <Link to={`/ledger/meetings/${item.meeting.id}`}>
          {t('ledger.meetingOn', { title: item.meeting.title, date: item.meeting.heldOn })}
        </Link>
      ) : (
        none
      ),
    },
  ];
  return <Descriptions column={1} size="small" bordered items={facts} />;
}

export function ItemDetailDrawer({
  id,
  open,
  onClose,
}: {
  id: string | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const detail = useLedgerItem(id);
  const [reporting, setReporting] = useState(false);
  const item = detail.data;
  const canReport = item?.canReport === true && item.status === 'open';

  let body: ReactNode;
  if (detail.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (detail.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={t('errors.loadFailed', { message: detail.error.message })}
        action={<Button onClick={() => void detail.refetch()}>{t('common.retry')}</Button>}
      />
    );
  } else {
    body = (
      <Flex vertical gap={16} data-testid="ledger-detail">
        <Facts item={detail.data} />
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('ledger.progressTimeline')}
          </Typography.Title>
          {canReport && (
            <Button type="primary" icon={<FormOutlined />} onClick={() => setReporting(true)} block={isPhone}>
              {t('ledger.report')}
            </Button>
          )}
        </Flex>
        <ProgressTimeline progress={detail.data.progress} />
      </Flex>
    );
  }

  return (
    <>
      <Drawer
        open={open}
        onClose={onClose}
        placement="right"
        size={isPhone ? '100%' : 600}
        title={item?.title ?? t('ledger.detail')}
      >
        {body}
      </Drawer>
      <ProgressDrawer
        item={reporting && item ? item : null}
        onClose={() => setReporting(false)}
        onConflict={() => void detail.refetch()}
      />
    </>
  );
}
