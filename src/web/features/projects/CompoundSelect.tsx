/**
 * A compound, searched on the server by name, code or address: one for a new project, several for
 * a batch. Compounds once picked keep their names while the search moves on.
 */
import { Flex, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CompoundPage } from '../../../contract/inventory.js';
import { useDebounced } from '../../shared/useDebounced.js';
import { StatusTag } from '../inventory/labels.js';
import { useCompoundSearch } from './queries.js';

export type CompoundChoice = z.infer<typeof CompoundPage>['items'][number];

interface Option {
  value: string;
  label: string;
  title: string;
  compound: CompoundChoice;
}

interface Base {
  id?: string;
  /** Compounds with a problem the server reported, by id: their tags turn red and say why. */
  problems?: ReadonlyMap<string, string>;
  /** Told about every compound picked, so the form can name them (in messages, say). */
  onPicked?: (compounds: ReadonlyMap<string, CompoundChoice>) => void;
}

type Props = Base &
  (
    | { multiple?: false; value?: string; onChange?: (value: string) => void }
    | { multiple: true; value?: string[]; onChange?: (value: string[]) => void }
  );

function CompoundOption({ compound: c }: { compound: CompoundChoice }) {
  const { t } = useTranslation();
  return (
    <Flex vertical>
      <Flex gap={4} align="center" wrap>
        <span>{c.name}</span>
        {c.isOld && <Tag color="volcano">{t('inventory.oldTag')}</Tag>}
        <StatusTag status={c.status} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[c.code, c.subdistrictName, c.communityName].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
}

export function CompoundSelect(props: Props) {
  const { t } = useTranslation();
  const { id, problems, onPicked } = props;
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(search.trim());
  const list = useCompoundSearch(q, open || q !== '');
  const [picked, setPicked] = useState<ReadonlyMap<string, CompoundChoice>>(new Map());

  const byId = new Map<string, CompoundChoice>(picked);
  for (const c of list.data?.items ?? []) if (!byId.has(c.id)) byId.set(c.id, c);
  const options: Option[] = [...byId.values()].map((c) => ({
    value: c.id,
    label: c.name,
    title: c.name,
    compound: c,
  }));
  const remember = (ids: string[]) => {
    const next = new Map<string, CompoundChoice>();
    for (const key of ids) {
      const c = byId.get(key);
      if (c) next.set(key, c);
    }
    setPicked(next);
    onPicked?.(next);
  };

  const common = {
    id,
    showSearch: { filterOption: false, onSearch: setSearch },
    onOpenChange: setOpen,
    loading: list.isFetching,
    placeholder: t('projects.compoundPlaceholder'),
    notFoundContent: list.isFetching ? (
      <Spin size="small" />
    ) : (
      <Typography.Text type="secondary">{t('projects.compoundNotFound')}</Typography.Text>
    ),
    options,
    optionRender: (option: { data: Option }) => <CompoundOption compound={option.data.compound} />,
    style: { width: '100%' },
  };

  if (props.multiple) {
    const { onChange } = props;
    return (
      <Select<string[], Option>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(value) => {
          remember(value);
          onChange?.(value);
        }}
        tagRender={({ label, value, closable, onClose }) => {
          const problem = problems?.get(String(value));
          return (
            <Tag
              color={problem ? 'error' : undefined}
              closable={closable}
              onClose={onClose}
              title={problem ? `${String(label)}：${problem}` : undefined}
              style={{ marginInlineEnd: 4 }}
            >
              {label}
            </Tag>
          );
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select<string, Option>
      {...common}
      value={props.value}
      onChange={(value) => {
        remember([value]);
        onChange?.(value);
      }}
    />
  );
}
