/** How inventory values are shown: status tags and colours, build years, decades, the old-compound tag. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompoundStatus } from '../../../domain/inventory.js';

export const statusTagColour: Record<CompoundStatus, string> = {
  not_planned: 'default',
  planned: 'blue',
  in_progress: 'orange',
  renovated: 'green',
};

/** The same statuses on charts (antd's palette, so tags and dots agree). */
export const statusChartColour: Record<CompoundStatus, string> = {
  not_planned: '#8c8c8c',
  planned: '#1677ff',
  in_progress: '#fa8c16',
  renovated: '#52c41a',
};

/** Build decades offered by the filter: the 1950s to the 2020s. */
export const decades = [1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020] as const;

export function StatusTag({ status }: { status: CompoundStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusTagColour[status]}>{t(`inventory.statuses.${status}`)}</Tag>;
}

export function OldTag({ isOld, cutoffYear }: { isOld: boolean; cutoffYear: number | undefined }) {
  const { t } = useTranslation();
  const tag = isOld ? <Tag color="volcano">{t('inventory.oldTag')}</Tag> : <Tag>{t('inventory.newTag')}</Tag>;
  return cutoffYear ? <Tooltip title={t('inventory.oldRule', { year: cutoffYear })}>{tag}</Tooltip> : tag;
}

export function DemoTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('inventory.demoHint')}>
      <Tag color="purple" style={{ marginInlineStart: 6 }}>
        {t('inventory.demo')}
      </Tag>
    </Tooltip>
  );
}

/** 1977, or "约 1977" when the ledger gave only an approximate year; "未知" when none. */
export function useBuildYear() {
  const { t } = useTranslation();
  return (year: number | null, approx: boolean) => {
    if (year === null) return t('common.unknown');
    return approx ? t('inventory.buildYearApprox', { year }) : String(year);
  };
}
