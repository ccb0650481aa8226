/**
 * 改造内容 (mechanism 6): the catalogue items chosen for the project, the eight mandatory ones
 * marked 必改. Editing shows the catalogue in use (and retired items the project already has, which
 * it keeps); mandatory items start included, and one not done must be waived with a reason.
 * Everything is saved at once.
 */
import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  theme,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { limits } from '../../../contract/common.js';
import type { CatalogueItem, ProjectDetail } from '../../../contract/projects.js';
import { projectItemStatuses } from '../../../domain/projects.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useErrorReporter } from '../../shared/errors.js';
import { sentRowPath } from '../../shared/fieldPaths.js';
import { formatNumber } from '../../shared/numbers.js';
import { useIsPhone } from '../../shared/responsive.js';
import { ItemPhotos } from '../photos/ItemPhotos.js';
import { type ItemStatus, ItemStatusTag, MandatoryTag, RetiredTag } from './labels.js';
import { useCatalogue, useReloadProject, useSetItems } from './queries.js';

type Entry = z.infer<typeof CatalogueItem>;
type Item = ProjectDetail['items'][number];

interface RowValue {
  included: boolean;
  quantity: number | null;
  budget: number | null;
  progress: number;
  status: ItemStatus;
  waiverReason: string | null;
}

interface Values {
  rows: RowValue[];
}

const money = (n: number | null) => (n === null ? '—' : formatNumber(n, 2));

/** The entries a project may hold: those in use, and retired ones it already has (never newly chosen). */
export function choosable(catalogue: Entry[], items: readonly { catalogueCode: string }[]): Entry[] {
  return catalogue.filter((e) => e.active || items.some((i) => i.catalogueCode === e.code));
}

/** Mandatory items that count: a retired item no longer binds anyone. */
const binding = (catalogue: Entry[]) => catalogue.filter((e) => e.mandatory && e.active);

/** The form's rows: one per catalogue entry, filled from the project; mandatory entries included. */
function initialRows(catalogue: Entry[], items: Item[]): RowValue[] {
  return catalogue.map((entry) => {
    const item = items.find((i) => i.catalogueCode === entry.code);
    return item
      ? {
          included: true,
          quantity: item.quantity,
          budget: item.budget,
          progress: item.progress,
          status: item.status,
          waiverReason: item.waiverReason,
        }
      : {
          included: entry.mandatory && entry.active,
          quantity: null,
          budget: null,
          progress: 0,
          status: 'planned',
          waiverReason: null,
        };
  });
}

function View({
  project: p,
  catalogue,
  canEdit,
}: {
  project: ProjectDetail;
  catalogue: Entry[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const reload = useReloadProject();
  const isPhone = useIsPhone();
  const missing = binding(catalogue).filter((e) => !p.items.some((i) => i.catalogueCode === e.code));
  const retired = new Set(catalogue.filter((e) => !e.active).map((e) => e.code));
  const rows: (Item & { missing?: boolean })[] = [
    ...p.items,
    ...missing.map((e) => ({
      catalogueCode: e.code,
      name: e.name,
      category: e.category,
      unit: e.unit,
      mandatory: true,
      quantity: null,
      budget: null,
      progress: 0,
      status: 'planned' as const,
      waiverReason: null,
      photos: [],
      missing: true,
    })),
  ];
  const budget = p.items.reduce((n, i) => n + (i.budget ?? 0), 0);
  const columns: TableColumnsType<(typeof rows)[number]> = [
    {
      key: 'name',
      title: t('project.itemName'),
      render: (_, i) => (
        <Flex gap={4} align="center" style={{ whiteSpace: 'nowrap' }}>
          <span>{i.name}</span>
          {i.mandatory && <MandatoryTag />}
          {retired.has(i.catalogueCode) && <RetiredTag />}
        </Flex>
      ),
    },
    {
      key: 'category',
      title: t('project.category'),
      render: (_, i) => t(`project.categories.${i.category}`),
    },
    {
      key: 'quantity',
      title: t('project.quantity'),
      align: 'right',
      render: (_, i) => (i.quantity === null ? '—' : `${formatNumber(i.quantity, 2)} ${i.unit}`),
    },
    { key: 'budget', title: t('project.budget'), align: 'right', render: (_, i) => money(i.budget) },
    {
      key: 'progress',
      title: t('project.progress'),
      render: (_, i) =>
        i.missing ? '—' : <Progress percent={i.progress} size="small" style={{ width: 120 }} />,
    },
    {
      key: 'status',
      title: t('project.itemStatus'),
      render: (_, i) =>
        i.missing ? (
          <Tag color="error" icon={<WarningOutlined />}>
            {t('project.notIncluded')}
          </Tag>
        ) : (
          <ItemStatusTag status={i.status} />
        ),
    },
    {
      key: 'waiver',
      title: t('project.waiverReason'),
      render: (_, i) => i.waiverReason ?? '—',
    },
    {
      key: 'photos',
      title: t('photos.title'),
      align: 'right',
      render: (_, i) => (i.missing ? '—' : i.photos.length),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {missing.length > 0 && (
        <Alert type="warning" showIcon title={t('project.mandatoryMissing', { count: missing.length })} />
      )}
      <Table
        rowKey="catalogueCode"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size={isPhone ? 'middle' : 'small'}
        expandable={{
          rowExpandable: (i) => !i.missing,
          expandedRowRender: (i) => (
            <ItemPhotos
              projectId={p.id}
              catalogueCode={i.catalogueCode}
              photos={i.photos}
              canEdit={canEdit}
              onChanged={() => reload(p.id)}
            />
          ),
        }}
        locale={{ emptyText: <EmptyHint text={t('project.itemsEmpty')} /> }}
        summary={() =>
          p.items.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <Typography.Text strong>{t('project.budgetTotal')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong>{money(budget)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} colSpan={4} />
            </Table.Summary.Row>
          )
        }
        data-testid="items-table"
      />
    </Flex>
  );
}

function Edit({
  project: p,
  catalogue,
  onDone,
}: {
  project: ProjectDetail;
  catalogue: Entry[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const reload = useReloadProject();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const save = useSetItems(p.id);
  const initial = useMemo(() => ({ rows: initialRows(catalogue, p.items) }), [catalogue, p.items]);
  const [dirty, setDirty] = useState(false);
  const rows = Form.useWatch('rows', form) ?? initial.rows;

  const onFinish = (v: Values) => {
    // The indexes of the rows sent, so a server message about items.N lands on its row.
    const sent = v.rows.flatMap((r, index) => (r.included ? [index] : []));
    save.mutate(
      {
        version: p.version,
        items: sent.map((index) => {
          const r = v.rows[index] as RowValue;
          const entry = catalogue[index] as Entry;
          return {
            catalogueCode: entry.code,
            quantity: r.quantity ?? null,
            budget: r.budget ?? null,
            progress: r.progress ?? 0,
            status: r.status,
            waiverReason: r.status === 'waived' ? r.waiverReason?.trim() || null : null,
          };
        }),
      },
      {
        onSuccess: () => {
          void message.success(t('project.itemsSaved'));
          onDone();
        },
        onError: (error) =>
          report(error, {
            form,
            onConflict: () => void reload(p.id),
            mapPath: sentRowPath('items', 'rows', sent),
          }),
      },
    );
  };

  const columns: TableColumnsType<Entry> = [
    {
      key: 'included',
      title: t('project.included'),
      width: 64,
      render: (_, e, index) => (
        <Form.Item name={[index, 'included']} valuePropName="checked" noStyle>
          <Checkbox
            disabled={e.mandatory && e.active}
            aria-label={t('project.includeItem', { name: e.name })}
          />
        </Form.Item>
      ),
    },
    {
      key: 'name',
      title: t('project.itemName'),
      render: (_, e) => (
        <Flex gap={4} align="center" style={{ whiteSpace: 'nowrap' }}>
          <span>{e.name}</span>
          {e.mandatory && e.active && <MandatoryTag />}
          {!e.active && <RetiredTag />}
        </Flex>
      ),
    },
    {
      key: 'quantity',
      title: t('project.quantity'),
      render: (_, e, index) => (
        <Form.Item name={[index, 'quantity']} noStyle>
          <InputNumber
            min={0}
            precision={2}
            disabled={!rows[index]?.included}
            suffix={e.unit}
            style={{ width: 140 }}
            aria-label={`${e.name} ${t('project.quantity')}`}
          />
        </Form.Item>
      ),
    },
    {
      key: 'budget',
      title: t('project.budget'),
      render: (_, e, index) => (
        <Form.Item name={[index, 'budget']} noStyle>
          <InputNumber
            min={0}
            precision={2}
            disabled={!rows[index]?.included}
            style={{ width: 120 }}
            aria-label={`${e.name} ${t('project.budget')}`}
          />
        </Form.Item>
      ),
    },
    {
      key: 'progress',
      title: t('project.progress'),
      render: (_, e, index) => (
        <Form.Item name={[index, 'progress']} noStyle>
          <InputNumber
            min={0}
            max={100}
            precision={0}
            suffix="%"
            disabled={!rows[index]?.included}
            style={{ width: 96 }}
            aria-label={`${e.name} ${t('project.progress')}`}
          />
        </Form.Item>
      ),
    },
    {
      key: 'status',
      title: t('project.itemStatus'),
      render: (_, e, index) => (
        <Form.Item name={[index, 'status']} noStyle>
          <Select
            disabled={!rows[index]?.included}
            style={{ width: 120 }}
            aria-label={`${e.name} ${t('project.itemStatus')}`}
            options={projectItemStatuses.map((s) => ({ value: s, label: t(`project.itemStatuses.${s}`) }))}
          />
        </Form.Item>
      ),
    },
    {
      key: 'waiver',
      title: t('project.waiverReason'),
      render: (_, e, index) => {
        const waived = rows[index]?.included && rows[index]?.status === 'waived';
        return (
          <Form.Item
            name={[index, 'waiverReason']}
            style={{ margin: 0, minWidth: 200 }}
            rules={[
              {
                required: Boolean(waived && e.mandatory && e.active),
                whitespace: true,
                message: t('project.waiverRequired'),
              },
              { max: limits.shortNote.max },
            ]}
          >
            <Input
              disabled={!waived}
              maxLength={limits.shortNote.max}
              placeholder={waived ? t('project.waiverPlaceholder') : ''}
              aria-label={`${e.name} ${t('project.waiverReason')}`}
            />
          </Form.Item>
        );
      },
    },
  ];

  return (
    <Form<Values>
      name="items"
      form={form}
      initialValues={initial}
      onFinish={onFinish}
      onValuesChange={() => setDirty(true)}
      scrollToFirstError
    >
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('project.itemsEditHint')} />
        <Form.List name="rows">
          {() => (
            <Table<Entry>
              rowKey="code"
              columns={columns}
              dataSource={catalogue}
              pagination={false}
              scroll={{ x: 'max-content' }}
              size={isPhone ? 'middle' : 'small'}
              data-testid="items-edit"
            />
          )}
        </Form.List>
        <EditBar dirty={dirty} saving={save.isPending} onCancel={onDone} />
      </Flex>
    </Form>
  );
}

/** The bar under an edit table: whether there are unsaved changes, and Save / Cancel. */
export function EditBar({
  dirty,
  saving,
  onCancel,
}: {
  dirty: boolean;
  saving: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex
      justify="flex-end"
      align="center"
      gap={8}
      wrap
      style={{
        position: 'sticky',
        bottom: 0,
        background: token.colorBgContainer,
        borderTop: `1px solid ${token.colorBorderSecondary}`,
        paddingBlock: 10,
        zIndex: 3,
      }}
    >
      {dirty && (
        <Tag color="warning" data-testid="unsaved">
          {t('project.unsaved')}
        </Tag>
      )}
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Flex>
  );
}

export function ItemsPanel({ project, canEdit }: { project: ProjectDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [editing, setEditing] = useState(false);
  if (catalogue.isPending) return <Skeleton active />;
  if (catalogue.isError) {
    return (
      <Alert type="error" showIcon title={t('errors.loadFailed', { message: catalogue.error.message })} />
    );
  }
  const entries = choosable(catalogue.data.items, project.items);
  const mandatory = binding(entries);
  const covered = mandatory.filter((e) => project.items.some((i) => i.catalogueCode === e.code)).length;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text data-testid="mandatory-count">
          {t('project.mandatoryCovered', { covered, total: mandatory.length, count: project.items.length })}
        </Typography.Text>
        {canEdit && !editing && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('project.editItems')}
          </Button>
        )}
      </Flex>
      {editing ? (
        <Edit project={project} catalogue={entries} onDone={() => setEditing(false)} />
      ) : (
        <View project={project} catalogue={entries} canEdit={canEdit} />
      )}
    </Flex>
  );
}
