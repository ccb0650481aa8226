/** How ledger values are shown: escalation (with who it has gone up to), status, priority, days left. */
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { escalations, LedgerItem, ledgerStatuses, priorities } from '../../../contract/ledger.js';
import { daysUntil, districtToday } from '../../../domain/ledger.js';

export type Escalation = (typeof escalations)[number];
export type LedgerStatus = (typeof ledgerStatuses)[number];
export type Priority = (typeof priorities)[number];

/** 临期 orange, 逾期 red, 严重逾期 dark red; the same colours on the board's bars. */
export const escalationColour: Record<Exclude<Escalation, 'none'>, string> = {
  due_soon: '#fa8c16',
  overdue: '#f5222d',
  seriously_overdue: '#820014',
};

export function EscalationTag({ item, withReach = true }: { item: LedgerItem; withReach?: boolean }) {
  const { t } = useTranslation();
  if (item.escalation === 'none') return null;
  const tag = (
    <Tag color={escalationColour[item.escalation]} variant="solid" data-testid="escalation">
      {t(`ledger.escalations.${item.escalation}`)}
    </Tag>
  );
  if (!withReach || !item.escalatedTo) return tag;
  return (
    <Flex gap={4} align="center" style={{ whiteSpace: 'nowrap' }}>
      {tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ledger.escalatedTo', { name: item.escalatedTo })}
      </Typography.Text>
    </Flex>
  );
}

const statusColour: Record<LedgerStatus, string> = {
  open: 'processing',
  done: 'success',
  cancelled: 'default',
};

export function LedgerStatusTag({ status }: { status: LedgerStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColour[status]}>{t(`ledger.statuses.${status}`)}</Tag>;
}

const priorityColour: Record<Priority, string> = { high: 'red', normal: 'default', low: 'default' };

export function PriorityTag({ priority, quiet = false }: { priority: Priority; quiet?: boolean }) {
  const { t } = useTranslation();
  if (quiet && priority === 'normal') return null;
  return <Tag color={priorityColour[priority]}>{t(`ledger.priorities.${priority}`)}</Tag>;
}

/** "2024-06-05 · 还剩 3 天" / "已逾期 5 天" / "今天到期"; just the date once the item is closed. */
export function Deadline({ item }: { item: LedgerItem }) {
  const { t } = useTranslation();
  if (item.status !== 'open') return <span>{item.deadline}</span>;
  const left = daysUntil(item.deadline, districtToday());
  const hint =
    left > 0
      ? t('ledger.daysLeft', { count: left })
      : left === 0
        ? t('ledger.dueToday')
        : t('ledger.daysOverdue', { count: -left });
  return (
    <Tooltip title={t('ledger.deadline')}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {item.deadline}
        <Typography.Text type={left < 0 ? 'danger' : left <= 3 ? 'warning' : 'secondary'}>
          {' · '}
          {hint}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}

/**
 * Who owns an item: a cadre with their unit, or a unit (tagged as one) with its leader, the person
 * who answers for it.
 */
export function OwnerCell({ owner }: { owner: LedgerItem['owner'] }) {
  const { t } = useTranslation();
  const second =
    owner.kind === 'unit'
      ? owner.personName
        ? t('organisation.leaderNamed', { name: owner.personName })
        : t('organisation.noLeader')
      : owner.unitName;
  return (
    <Flex vertical data-testid={`owner-${owner.kind}`}>
      <Flex gap={4} align="center" style={{ whiteSpace: 'nowrap' }}>
        {owner.kind === 'unit' && (
          <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
            {t('ledger.ownerKinds.unit')}
          </Tag>
        )}
        <span>{owner.name}</span>
      </Flex>
      {second && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {second}
        </Typography.Text>
      )}
    </Flex>
  );
}
