/**
 * Pickers over the organisation: cadres (searched on the server, optionally of one level), units,
 * and temporary party organisations not yet given to a project. Used by projects, the ledger and
 * the organisation registries themselves.
 */
import { Flex, Select, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CadreLevel } from '../../../domain/projects.js';
import { cadreCanServe } from '../../../domain/projects.js';
import { regionNames, useRegions } from '../../shared/regions.js';
import { useDebounced } from '../../shared/useDebounced.js';
import { useCadres, usePartyBodies, useUnitList } from './queries.js';

export interface CadreChoice {
  id: string;
  name: string;
  /** Unknown for a cadre known only by name (a superior, a unit's leader). */
  level?: CadreLevel;
  unitName?: string | null;
  regionCode?: string;
}

const levelColour: Record<CadreLevel, string> = { county: 'red', section: 'blue', other: 'default' };

export function CadreLevelTag({ level }: { level: CadreLevel }) {
  const { t } = useTranslation();
  return <Tag color={levelColour[level]}>{t(`organisation.levels.${level}`)}</Tag>;
}

/** "示例·王建国（区住建局）": the name and unit, which together tell namesakes apart. */
export const cadreLabel = (c: CadreChoice) => (c.unitName ? `${c.name}（${c.unitName}）` : c.name);

interface CadreOption {
  value: string;
  label: string;
  title: string;
  disabled: boolean;
  cadre: CadreChoice;
}

interface CadreSelectBase {
  /** Only cadres of this level are offered. */
  level?: CadreLevel;
  /** The cadres already chosen, so their names show before any search. */
  known?: readonly CadreChoice[];
  /** A project's region: cadres who cannot serve there are shown but not offered. */
  region?: string;
  /** A cadre never offered (the one being edited, as their own superior). */
  exclude?: string;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}

type CadreSelectProps = CadreSelectBase &
  (
    | { multiple?: false; value?: string | null; onChange?: (value: string | undefined) => void }
    | { multiple: true; value?: string[]; onChange?: (value: string[]) => void }
  );

export function CadreSelect(props: CadreSelectProps) {
  const { t } = useTranslation();
  const { level, known = [], region, exclude } = props;
  const regions = useRegions();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const list = useCadres({ level, q: q || undefined, pageSize: 50 }, open || q !== '');
  // Cadres once picked keep their names while the search moves on to others.
  const [picked, setPicked] = useState<ReadonlyMap<string, CadreChoice>>(new Map());

  const byId = new Map<string, CadreChoice>();
  for (const c of [...known, ...picked.values(), ...(list.data?.items ?? [])]) {
    if (!byId.has(c.id) && c.id !== exclude) byId.set(c.id, c);
  }
  const canServe = (c: CadreChoice) => !region || !c.regionCode || cadreCanServe(c.regionCode, region);
  const options: CadreOption[] = [...byId.values()]
    .map((c) => ({
      value: c.id,
      label: cadreLabel(c),
      title: cadreLabel(c),
      disabled: !canServe(c),
      cadre: c,
    }))
    .sort((a, b) => Number(a.disabled) - Number(b.disabled));

  const remember = (ids: string[]) => {
    const next = new Map(picked);
    for (const id of ids) {
      const c = byId.get(id);
      if (c) next.set(id, c);
    }
    setPicked(next);
  };

  const common = {
    id: props.id,
    'aria-label': props['aria-label'],
    placeholder: props.placeholder ?? t('organisation.cadrePlaceholder'),
    allowClear: true,
    options,
    loading: list.isFetching,
    style: { width: '100%' },
    onOpenChange: setOpen,
    showSearch: { filterOption: false, onSearch: setSearch },
    notFoundContent: list.isFetching ? (
      <Spin size="small" />
    ) : (
      <Typography.Text type="secondary">{t('organisation.cadreNotFound')}</Typography.Text>
    ),
    // A chosen cadre this page has no name for yet (a user's linked cadre) still says it is there.
    labelRender: ({ label, value }: { label?: ReactNode; value: string | number }) =>
      label ?? (byId.has(String(value)) ? String(value) : t('organisation.cadreLinked')),
    optionRender: (option: { data: CadreOption }) => {
      const c = option.data.cadre;
      const where = c.regionCode ? regionNames(regions.data, [c.regionCode])[0] : undefined;
      return (
        <Flex vertical>
          <Flex gap={4} align="center" wrap>
            <span>{c.name}</span>
            {c.level && <CadreLevelTag level={c.level} />}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
            {[c.unitName, where].filter(Boolean).join(' · ')}
            {option.data.disabled && ` · ${t('organisation.cadreOutside')}`}
          </Typography.Text>
        </Flex>
      );
    },
  };

  if (props.multiple) {
    const { onChange } = props;
    return (
      <Select<string[], CadreOption>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(value) => {
          remember(value);
          setSearch('');
          onChange?.(value);
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select<string | undefined, CadreOption>
      {...common}
      value={props.value ?? undefined}
      onChange={(value) => {
        if (value) remember([value]);
        onChange?.(value);
      }}
    />
  );
}

/** A temporary party organisation not yet serving another project (and the project's own, if any). */
export function PartyOrgSelect(props: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  known?: { id: string; name: string } | null;
  region?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const list = usePartyBodies({ kind: 'temp_party_org', unassigned: 'true', pageSize: 100 });
  const near = (code: string) =>
    props.region ? props.region.startsWith(code) || code.startsWith(props.region.slice(0, 9)) : false;
  const bodies = [...(props.known ? [{ ...props.known, regionCode: props.region ?? '' }] : [])];
  for (const b of list.data?.items ?? []) if (!bodies.some((x) => x.id === b.id)) bodies.push(b);
  bodies.sort((a, b) => Number(near(b.regionCode)) - Number(near(a.regionCode)));
  return (
    <Select<string | undefined>
      id={props.id}
      value={props.value ?? undefined}
      onChange={props.onChange}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.isFetching}
      placeholder={t('organisation.partyOrgPlaceholder')}
      classNames={{ popup: { root: 'jiugai-party-org-popup' } }}
      options={bodies.map((b) => ({ value: b.id, label: b.name, title: b.name }))}
      notFoundContent={
        list.isFetching ? (
          <Spin size="small" />
        ) : (
          <Typography.Text type="secondary">{t('organisation.partyOrgNone')}</Typography.Text>
        )
      }
      style={{ width: '100%' }}
    />
  );
}

/**
 * A district unit, searched on the server by name; each option says who leads it (the leader
 * answers for the unit's ledger items). `known` names the current one before any search.
 */
export function UnitSelect(props: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  known?: { id: string; name: string } | null;
  id?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const list = useUnitList({ q: q || undefined, pageSize: 50 }, open || q !== '');
  const [picked, setPicked] = useState<UnitChoice | null>(null);
  const units = [props.known, picked, ...(list.data?.items ?? [])].filter(
    (u, i, all): u is UnitChoice => !!u && all.findIndex((x) => x?.id === u.id) === i,
  );
  return (
    <Select<string | undefined, { value: string; label: string; title: string; unit: UnitChoice }>
      id={props.id}
      value={props.value ?? undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      loading={list.isFetching}
      placeholder={props.placeholder ?? t('organisation.unitPlaceholder')}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={units.map((u) => ({ value: u.id, label: u.name, title: u.name, unit: u }))}
      optionRender={(option): ReactNode => (
        <Flex vertical>
          <span>{option.data.unit.name}</span>
          {option.data.unit.leader !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.unit.leader
                ? t('organisation.leaderNamed', { name: option.data.unit.leader.name })
                : t('organisation.noLeader')}
            </Typography.Text>
          )}
        </Flex>
      )}
      onChange={(value) => {
        setPicked(units.find((u) => u.id === value) ?? null);
        props.onChange?.(value);
      }}
      style={{ width: '100%' }}
    />
  );
}

/** A unit as the picker knows it; the leader is known once it came from a search. */
interface UnitChoice {
  id: string;
  name: string;
  leader?: { id: string; name: string } | null;
}
