import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Structure } from '../../../contract/illegal.js';

const statusColour: Record<Structure['status'], string> = {
  surveyed: 'default',
  verified: 'blue',
  noticed: 'orange',
  removed: 'green',
  cleared: 'success',
};

export function StatusTag({ status }: { status: Structure['status'] }) {
  const { t } = useTranslation();
  return <Tag color={statusColour[status]}>{t(`illegal.statuses.${status}`)}</Tag>;
}

/** Owners who are party members or public employees: "they remove first" is followed. */
export function LeaderTag({
  structure,
}: {
  structure: Pick<Structure, 'ownerPartyMember' | 'ownerPublicEmployee'>;
}) {
  const { t } = useTranslation();
  if (!structure.ownerPartyMember && !structure.ownerPublicEmployee) return null;
  return <Tag color="red">{t('illegal.leaderTag')}</Tag>;
}

/** "1号楼 2单元 301", or the compound alone for a structure in a shared space. */
export const placeOf = (s: Pick<Structure, 'buildingNumber' | 'unit' | 'room'>) =>
  [s.buildingNumber, s.unit, s.room].filter(Boolean).join(' ');
