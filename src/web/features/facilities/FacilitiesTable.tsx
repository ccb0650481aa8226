/**
 * Facilities as a server-paged table with their add/edit drawer (photos chosen on the device go
 * once the record is saved; stored ones can be removed): the list page's, and the compound and
 * project pages' tab, where the compound (and project) are fixed.
 */
import { CloseOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import {
  type Facility,
  type FacilityDetail,
  type FacilityListQuery,
  facilityActions,
} from '../../../contract/facilities.js';
import { districtToday } from '../../../domain/ledger.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useErrorReporter } from '../../shared/errors.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { dateItemProps } from '../../shared/format.js';
import { ServerTable } from '../../shared/ServerTable.js';
import { useCan } from '../../shared/session.js';
import { useCompound } from '../inventory/queries.js';
import { PhotoChooser, useChosenPhotos } from '../photos/ChosenPhotos.js';
import { sendPhoto, uploadName } from '../photos/sendPhoto.js';
import { PhotoGallery, shownPhoto } from '../photos/Thumbnail.js';
import { CompoundSelect } from '../projects/CompoundSelect.js';
import { useSettings } from '../settings/queries.js';
import {
  uploadFacilityPhoto,
  useDeleteFacility,
  useFacilities,
  useFacilitiesRefresh,
  useFacility,
  useFacilityPhoto,
  useSaveFacility,
} from './queries.js';

interface Values {
  compoundId: string;
  projectId?: string | null;
  type: string;
  count: number;
  action: Facility['action'];
  completedOn: string;
  buildingId?: string | null;
  unit?: string | null;
  remarks?: string | null;
}
const fields = [
  'compoundId',
  'projectId',
  'type',
  'count',
  'action',
  'completedOn',
  'buildingId',
  'unit',
  'remarks',
] as const;

/** The district's facility types, for forms and filters. */
export function useFacilityTypes() {
  return useSettings().data?.facilities.types ?? [];
}

function StoredPhotos({ facility }: { facility: FacilityDetail }) {
  const { t } = useTranslation();
  const report = useErrorReporter();
  const { remove } = useFacilityPhoto(facility.id);
  if (facility.photos.length === 0)
    return <Typography.Text type="secondary">{t('facilities.noPhotos')}</Typography.Text>;
  return (
    <PhotoGallery
      photos={facility.photos.map(shownPhoto)}
      below={(key) =>
        facility.canWrite ? (
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={t('facilities.removePhoto')}
            loading={remove.isPending && remove.variables === key}
            onClick={() => remove.mutate(key, { onError: (e) => report(e) })}
          />
        ) : null
      }
    />
  );
}

/** Register (editing undefined → closed, null → new) or edit a facility. */
export function FacilityDrawer({
  editing,
  fixed,
  onClose,
}: {
  editing: Facility | null | undefined;
  fixed?: { compoundId?: string; projectId?: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<Values>();
  const types = useFacilityTypes();
  const save = useSaveFacility();
  const chosen = useChosenPhotos();
  const detail = useFacility(editing ? editing.id : null);
  const compoundId: string | undefined =
    Form.useWatch('compoundId', form) ?? editing?.compoundId ?? fixed?.compoundId;
  const buildingId: string | undefined = Form.useWatch('buildingId', form) ?? undefined;
  const compound = useCompound(compoundId ?? '');
  const compoundKnown = Boolean(compoundId) && compound.data !== undefined;
  const refresh = useFacilitiesRefresh();

  const submit = async (v: Values) => {
    const fieldsOf = {
      projectId: v.projectId ?? null,
      type: v.type,
      count: v.count,
      action: v.action,
      completedOn: v.completedOn,
      buildingId: v.buildingId ?? null,
      unit: v.buildingId && v.unit?.trim() ? v.unit.trim() : null,
      remarks: v.remarks?.trim() ? v.remarks.trim() : null,
    };
    const saved = editing
      ? await save.mutateAsync({ id: editing.id, body: { ...fieldsOf, version: editing.version } })
      : await save.mutateAsync({ body: { compoundId: v.compoundId, ...fieldsOf } });
    for (const c of chosen.chosen) {
      await sendPhoto(
        c.file,
        (blob) => uploadFacilityPhoto(saved.id, blob, uploadName(c.file)),
        () => {},
      ).catch((error: unknown) => report(error));
    }
    if (chosen.chosen.length > 0) await refresh();
    chosen.clear();
    return saved;
  };

  return (
    <FormDrawer<Values, FacilityDetail>
      open={editing !== undefined}
      name="facility"
      form={form}
      fields={fields}
      submit={submit}
      onClose={() => {
        chosen.clear();
        onClose();
      }}
      onSaved={(saved) =>
        message.success(
          editing ? t('facilities.saved') : t('facilities.created', { type: saved.type, count: saved.count }),
        )
      }
      initialValues={
        editing
          ? {
              compoundId: editing.compoundId,
              projectId: editing.projectId,
              type: editing.type,
              count: editing.count,
              action: editing.action,
              completedOn: editing.completedOn,
              buildingId: editing.buildingId,
              unit: editing.unit,
              remarks: editing.remarks,
            }
          : {
              compoundId: fixed?.compoundId,
              projectId: fixed?.projectId,
              action: 'added',
              count: 1,
              completedOn: districtToday(),
            }
      }
      title={editing ? t('facilities.editTitle') : t('facilities.createTitle')}
    >
      <Form.Item name="compoundId" label={t('facilities.compound')} rules={[{ required: true }]}>
        {editing || fixed?.compoundId ? (
          <Select
            disabled
            options={[
              { value: compoundId, label: editing?.compoundName ?? compound.data?.name ?? compoundId },
            ]}
          />
        ) : (
          <CompoundSelect />
        )}
      </Form.Item>
      <Form.Item name="projectId" label={t('facilities.project')}>
        <Select
          allowClear
          disabled={!compoundKnown || Boolean(fixed?.projectId)}
          placeholder={t('facilities.projectNone')}
          options={(compound.data?.projects ?? []).map((p) => ({
            value: p.id,
            label: t('facilities.projectYear', { year: p.year }),
          }))}
        />
      </Form.Item>
      <Form.Item name="type" label={t('facilities.type')} rules={[{ required: true }]}>
        <Select
          showSearch
          options={types.map((ty) => ({
            value: ty.name,
            label: `${ty.name}（${t(`facilities.groups.${ty.group}`)}）`,
          }))}
        />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="count"
          label={t('facilities.count')}
          rules={[{ required: true, type: 'integer', min: 1 }]}
        >
          <InputNumber min={1} max={100_000} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('facilities.action')} rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            options={facilityActions.map((a) => ({ value: a, label: t(`facilities.actions.${a}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="completedOn"
          label={t('facilities.completedOn')}
          rules={[{ required: true }]}
          {...dateItemProps}
        >
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > districtToday()} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="buildingId" label={t('facilities.building')} extra={t('facilities.unitHelp')}>
          <Select
            allowClear
            showSearch
            disabled={!compoundKnown}
            style={{ width: 200 }}
            options={(compound.data?.buildings ?? []).map((b) => ({ value: b.id, label: b.number }))}
          />
        </Form.Item>
        <Form.Item name="unit" label={t('facilities.unit')}>
          <Input
            disabled={!buildingId}
            maxLength={limits.name.max}
            placeholder={t('facilities.unitPlaceholder')}
            style={{ width: 160 }}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="remarks" label={t('facilities.remarks')}>
        <Input.TextArea maxLength={limits.shortNote.max} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item label={t('facilities.photos')}>
        <Flex vertical gap={8}>
          {editing && detail.data && <StoredPhotos facility={detail.data} />}
          <PhotoChooser photos={chosen} disabled={save.isPending} />
        </Flex>
      </Form.Item>
    </FormDrawer>
  );
}

/** The facilities of a query, with edit and delete for those who keep the registry. */
export function FacilitiesTable({
  query,
  onPage,
  onEdit,
  showCompound = true,
  filtered = false,
}: {
  query: FacilityListQuery;
  onPage: (page: { page?: number; pageSize?: number }) => void;
  onEdit: (f: Facility) => void;
  showCompound?: boolean;
  filtered?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const can = useCan();
  const mayWrite = can('facility.write');
  const list = useFacilities(query);
  const remove = useDeleteFacility();
  const columns: TableColumnsType<Facility> = [
    ...(showCompound
      ? [
          { key: 'subdistrict', title: t('facilities.subdistrict'), dataIndex: 'subdistrictName' },
          { key: 'compound', title: t('facilities.compound'), dataIndex: 'compoundName' },
        ]
      : []),
    {
      key: 'project',
      title: t('facilities.project'),
      render: (_: unknown, f) => (f.projectYear ? t('facilities.projectYear', { year: f.projectYear }) : '—'),
    },
    {
      key: 'type',
      title: t('facilities.type'),
      render: (_: unknown, f) => (
        <Space size={4} wrap>
          {f.type}
          <Tag>{t(`facilities.groups.${f.group}`)}</Tag>
        </Space>
      ),
    },
    {
      key: 'action',
      title: t('facilities.action'),
      render: (_: unknown, f) => t(`facilities.actions.${f.action}`),
    },
    {
      key: 'count',
      title: t('facilities.count'),
      dataIndex: 'count',
      align: 'right',
      render: (n: number) => n.toLocaleString('zh-CN'),
    },
    {
      key: 'place',
      title: t('facilities.place'),
      render: (_: unknown, f) => (f.buildingNumber ? `${f.buildingNumber} ${f.unit ?? ''}` : '—'),
    },
    { key: 'completedOn', title: t('facilities.completedOn'), dataIndex: 'completedOn' },
    {
      key: 'photos',
      title: t('facilities.photos'),
      render: (_: unknown, f) => (f.photoCount ? t('facilities.photoCount', { count: f.photoCount }) : '—'),
    },
    { key: 'remarks', title: t('facilities.remarks'), dataIndex: 'remarks', ellipsis: true },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, f: Facility) => (
        <Space size={0}>
          <Button type="link" onClick={() => onEdit(f)}>
            {mayWrite ? t('facilities.edit') : t('facilities.detail')}
          </Button>
          {mayWrite && (
            <Popconfirm
              title={t('facilities.deleteConfirm')}
              onConfirm={() =>
                remove.mutate(
                  { id: f.id, version: f.version },
                  {
                    onSuccess: () => void message.success(t('facilities.deleted')),
                    onError: (e) => report(e),
                  },
                )
              }
            >
              <Button type="link" danger>
                {t('facilities.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <ServerTable<Facility>
      list={list}
      query={query}
      rowKey="id"
      size="small"
      columns={columns}
      scroll={{ x: 'max-content' }}
      onChange={(pagination) => {
        const sizeChanged = pagination.pageSize !== query.pageSize;
        onPage({ page: sizeChanged ? undefined : pagination.current, pageSize: pagination.pageSize });
      }}
      locale={{
        emptyText: list.isError ? (
          <EmptyHint text={t('errors.loadFailed', { message: list.error.message })} />
        ) : (
          <EmptyHint text={filtered ? t('facilities.emptyFiltered') : t('facilities.empty')} />
        ),
      }}
    />
  );
}
