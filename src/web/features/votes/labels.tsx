import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Vote } from '../../../contract/votes.js';

export function VoteStatusTag({ vote }: { vote: Pick<Vote, 'status' | 'passed'> }) {
  const { t } = useTranslation();
  if (vote.status === 'closed')
    return (
      <Tag color={vote.passed ? 'green' : 'red'}>
        {t('votes.statuses.closed')}·{vote.passed ? t('votes.passed') : t('votes.failed')}
      </Tag>
    );
  return <Tag color={vote.status === 'open' ? 'blue' : 'default'}>{t(`votes.statuses.${vote.status}`)}</Tag>;
}

/** "全小区", "3号楼", "3号楼 1单元". */
export function scopeOf(v: Pick<Vote, 'scope' | 'buildingNumber' | 'unit'>, wholeCompound: string): string {
  if (v.scope === 'compound') return wholeCompound;
  return [v.buildingNumber, v.unit].filter(Boolean).join(' ');
}
