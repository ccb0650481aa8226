/** How project values are shown: lifecycle status tags, item statuses, funding sources. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../../../domain/inventory.js';
import type { projectItemStatuses } from '../../../domain/projects.js';

export type ItemStatus = (typeof projectItemStatuses)[number];

export const projectStatusColour: Record<ProjectStatus, string> = {
  planned: 'default',
  consulting: 'cyan',
  designed: 'geekblue',
  tendered: 'purple',
  under_construction: 'orange',
  accepted: 'green',
  handed_over: 'success',
};

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return <Tag color={projectStatusColour[status]}>{t(`projects.statuses.${status}`)}</Tag>;
}

const itemStatusColour: Record<ItemStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  done: 'success',
  waived: 'warning',
};

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return <Tag color={itemStatusColour[status]}>{t(`project.itemStatuses.${status}`)}</Tag>;
}

export function MandatoryTag() {
  const { t } = useTranslation();
  return <Tag color="red">{t('project.mandatory')}</Tag>;
}

/** A catalogue item no longer offered for new choices (projects that have it keep it). */
export function RetiredTag() {
  const { t } = useTranslation();
  return <Tag>{t('catalogue.retired')}</Tag>;
}
