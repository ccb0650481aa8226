/**
 * 改造内容清单: the renovation items projects choose from, with the mandatory ones flagged.
 * Headquarters adds and edits items and retires them: a retired item is no longer offered to
 * projects, stays on those that have it, and no longer binds anyone as mandatory.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Popconfirm,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '../../../contract/projects.js';
import { itemCategories } from '../../../domain/projects.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useErrorReporter } from '../../shared/errors.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useCan } from '../../shared/session.js';
import { MandatoryTag } from '../projects/labels.js';
import { useCatalogue } from '../projects/queries.js';
import { CatalogueDrawer, type CatalogueDrawerMode } from './CatalogueDrawer.js';
import { useUpdateCatalogueItem } from './queries.js';

const shows = ['active', 'retired', 'all'] as const;
type Show = (typeof shows)[number];

function ActiveToggle({ item, onConflict }: { item: CatalogueItem; onConflict: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const update = useUpdateCatalogueItem();
  const set = (active: boolean) =>
    update.mutate(
      { code: item.code, body: { version: item.version, active } },
      {
        onSuccess: (saved) =>
          void message.success(
            t(saved.active ? 'catalogue.reactivated' : 'catalogue.retiredDone', { name: saved.name }),
          ),
        onError: (error) => report(error, { onConflict }),
      },
    );
  if (!item.active) {
    return (
      <Button
        type="link"
        size="small"
        loading={update.isPending}
        onClick={() => set(true)}
        style={{ padding: 0 }}
      >
        {t('catalogue.reactivate')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t('catalogue.retireConfirm', { name: item.name })}
      description={t('catalogue.retireHint')}
      okText={t('catalogue.retire')}
      cancelText={t('common.cancel')}
      onConfirm={() => set(false)}
    >
      <Button type="link" size="small" danger loading={update.isPending} style={{ padding: 0 }}>
        {t('catalogue.retire')}
      </Button>
    </Popconfirm>
  );
}

export function CataloguePage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const can = useCan();
  const catalogue = useCatalogue();
  const [show, setShow] = useState<Show>('active');
  const [drawer, setDrawer] = useState<CatalogueDrawerMode | null>(null);
  const manage = can('catalogue.manage');

  const items = catalogue.data?.items ?? [];
  const shown = items.filter((i) => show === 'all' || i.active === (show === 'active'));
  const reload = async (code: string) => (await catalogue.refetch()).data?.items.find((i) => i.code === code);
  const nextSort = items.reduce((n, i) => Math.max(n, i.sort), 0) + 1;

  const columns: TableColumnsType<CatalogueItem> = [
    { key: 'sort', title: t('catalogue.sort'), dataIndex: 'sort', align: 'right', width: 72 },
    {
      key: 'name',
      title: t('catalogue.name'),
      dataIndex: 'name',
      render: (name: string, i) => (
        <Flex vertical>
          <span style={{ whiteSpace: 'nowrap' }}>{name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'category',
      title: t('project.category'),
      dataIndex: 'category',
      filters: itemCategories.map((c) => ({ value: c, text: t(`project.categories.${c}`) })),
      onFilter: (value, i) => i.category === value,
      render: (c: CatalogueItem['category']) => (
        <span style={{ whiteSpace: 'nowrap' }}>{t(`project.categories.${c}`)}</span>
      ),
    },
    { key: 'unit', title: t('catalogue.unit'), dataIndex: 'unit' },
    {
      key: 'mandatory',
      title: t('catalogue.mandatory'),
      dataIndex: 'mandatory',
      render: (m: boolean) => (m ? <MandatoryTag /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      key: 'active',
      title: t('catalogue.state'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? <Tag color="success">{t('catalogue.active')}</Tag> : <Tag>{t('catalogue.retired')}</Tag>,
    },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: isPhone ? undefined : ('right' as const),
            render: (_: unknown, item: CatalogueItem) => (
              <Flex gap={12}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDrawer({ kind: 'edit', item })}
                  style={{ padding: 0 }}
                >
                  {t('common.edit')}
                </Button>
                <ActiveToggle item={item} onConflict={() => void catalogue.refetch()} />
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('catalogue.title')}
        </Typography.Title>
        {manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawer({ kind: 'create', nextSort })}
          >
            {t('catalogue.add')}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">{t('catalogue.hint')}</Typography.Text>
      <Segmented<Show>
        value={show}
        onChange={setShow}
        options={shows.map((s) => ({ value: s, label: t(`catalogue.show.${s}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {catalogue.isError && (
        <Alert
          type="error"
          showIcon
          title={t('errors.loadFailed', { message: catalogue.error.message })}
          action={<Button onClick={() => void catalogue.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      <Table<CatalogueItem>
        rowKey="code"
        columns={columns}
        dataSource={shown}
        loading={catalogue.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size={isPhone ? 'middle' : 'small'}
        locale={{ emptyText: <EmptyHint text={t('catalogue.empty')} /> }}
        data-testid="catalogue-table"
      />
      <CatalogueDrawer mode={drawer} onClose={() => setDrawer(null)} reload={reload} />
    </Flex>
  );
}
