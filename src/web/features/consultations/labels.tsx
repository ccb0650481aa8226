import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Consultation } from '../../../contract/consultations.js';

const colours: Record<Consultation['status'], string> = {
  in_progress: 'processing',
  failed: 'error',
  resolved: 'success',
  completed: 'default',
};

export function StatusTag({ status }: { status: Consultation['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={colours[status]} data-testid="consultation-status">
      {t(`consult.statuses.${status}`)}
    </Tag>
  );
}
