/** 配套设施: every facility in reach with filters in the URL, its Excel export, and the add/edit drawer. */
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Facility, FacilityListQuery, facilitiesEndpoints } from '../../../contract/facilities.js';
import { downloadUrl } from '../../shared/api.js';
import {
  CustomFilterField,
  EnumFilterField,
  FilterForm,
  SearchFilterField,
} from '../../shared/FilterForm.js';
import { useListParams } from '../../shared/listParams.js';
import { RegionFilterField } from '../../shared/RegionSelect.js';
import { useCan } from '../../shared/session.js';
import { CompoundSelect } from '../projects/CompoundSelect.js';
import { FacilitiesTable, FacilityDrawer, useFacilityTypes } from './FacilitiesTable.js';

interface Filters {
  region?: string;
  compoundId?: string;
  type?: string;
  year?: number;
  q?: string;
}

const firstYear = 2019;
const years = Array.from(
  { length: new Date().getFullYear() - firstYear + 1 },
  (_, i) => firstYear + i,
).reverse();

export function FacilitiesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { query, update, key } = useListParams(FacilityListQuery);
  const types = useFacilityTypes();
  const [filterForm] = Form.useForm<Filters>();
  // undefined: closed; null: a new facility; a facility: editing it.
  const [editing, setEditing] = useState<Facility | null | undefined>(undefined);
  const { page: _page, pageSize: _size, ...filters } = query;
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const none = { region: undefined, compoundId: undefined, type: undefined, year: undefined, q: undefined };
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('facilities.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('facilities.hint')}</Typography.Text>
        </div>
        <Space wrap>
          <Button
            href={downloadUrl(facilitiesEndpoints.exportFacilities, { query: filters })}
            download
            icon={<FileExcelOutlined />}
          >
            {t('facilities.export')}
          </Button>
          {can('facility.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('facilities.create')}
            </Button>
          )}
        </Space>
      </Flex>
      <FilterForm<Filters>
        name="facilityFilters"
        form={filterForm}
        values={{
          region: query.region,
          compoundId: query.compoundId,
          type: query.type,
          year: query.year,
          q: query.q,
        }}
        syncKey={key}
        onSearch={(v) => update({ ...v, q: v.q?.trim(), page: undefined })}
        onReset={() => update({ ...none, page: undefined })}
      >
        <RegionFilterField label={t('facilities.subdistrict')} />
        <CustomFilterField name="compoundId" label={t('facilities.compound')}>
          <CompoundSelect />
        </CustomFilterField>
        <EnumFilterField name="type" label={t('facilities.type')} values={types.map((ty) => ty.name)} />
        <EnumFilterField name="year" label={t('facilities.year')} values={years} />
        <SearchFilterField label={t('facilities.q')} placeholder={t('facilities.qPlaceholder')} />
      </FilterForm>
      <FacilitiesTable query={query} onPage={update} onEdit={setEditing} filtered={filtered} />
      <FacilityDrawer editing={editing} onClose={() => setEditing(undefined)} />
    </Flex>
  );
}

/** A compound's or a project's facilities (their page's tab): the table and the drawer, fixed to them. */
export function FacilitiesTab({ compoundId, projectId }: { compoundId: string; projectId?: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Facility | null | undefined>(undefined);
  const query = { ...page, ...(projectId ? { projectId } : { compoundId }) };
  return (
    <Flex vertical gap={8}>
      {can('facility.write') && (
        <Flex justify="flex-end">
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('facilities.create')}
          </Button>
        </Flex>
      )}
      <FacilitiesTable
        query={query}
        onPage={(p) => setPage({ page: p.page ?? 1, pageSize: p.pageSize ?? page.pageSize })}
        onEdit={setEditing}
        showCompound={false}
      />
      <FacilityDrawer
        editing={editing}
        fixed={{ compoundId, ...(projectId ? { projectId } : {}) }}
        onClose={() => setEditing(undefined)}
      />
    </Flex>
  );
}
