/** A batch of projects, for filtering the project list; the newest batches are offered. */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBatches } from './queries.js';

export function BatchSelect(props: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  /** The batch already chosen (from a link), so its name shows even when it is not among the newest. */
  known?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const { known, ...rest } = props;
  const list = useBatches({ pageSize: 100 });
  const batches = list.data?.items ?? [];
  const options = [
    ...(known && !batches.some((b) => b.id === known.id) ? [{ value: known.id, label: known.name }] : []),
    ...batches.map((b) => ({ value: b.id, label: t('batches.label', { name: b.name, year: b.year }) })),
  ];
  return (
    <Select<string | undefined>
      {...rest}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.isFetching}
      placeholder={t('common.all')}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
