/** A project, found by its compound's name: for ledger items and meetings that belong to one. */
import { Flex, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../shared/useDebounced.js';
import { ProjectStatusTag } from '../projects/labels.js';
import { useProjectSearch } from '../projects/queries.js';

export function ProjectSelect(props: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  /** The project already chosen (from a link), so its name shows before any search. */
  known?: { id: string; label: string } | null;
}) {
  const { t } = useTranslation();
  const { known, ...rest } = props;
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(search.trim());
  const list = useProjectSearch(q, open || q !== '');
  const found = list.data?.items ?? [];
  const options = [
    ...(known && !found.some((p) => p.id === known.id)
      ? [{ value: known.id, label: known.label, title: known.label, project: null }]
      : []),
    ...found.map((p) => {
      const label = t('ledger.projectLabel', { name: p.compoundName, year: p.year });
      return { value: p.id, label, title: label, project: p };
    }),
  ];
  return (
    <Select<string | undefined>
      {...rest}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      loading={list.isFetching}
      placeholder={t('ledger.projectPlaceholder')}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={options}
      optionRender={(option) => {
        const p = option.data.project;
        return p ? (
          <Flex vertical>
            <Flex gap={4} align="center" wrap>
              <span>{option.data.label}</span>
              <ProjectStatusTag status={p.status} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.subdistrictName ?? ''}
            </Typography.Text>
          </Flex>
        ) : (
          option.data.label
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
