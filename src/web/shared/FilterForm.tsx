/**
 * The filter form above a list: a responsive grid of fields with Search and Reset. On phones it
 * folds away behind one "Filters" row (open when filters are applied) so the list stays in view.
 */
import { FilterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Col,
  Collapse,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  type FormItemProps,
  Input,
  Row,
  Select,
  Space,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../contract/common.js';
import { dateItemProps } from './format.js';
import { CompoundRegionSelect, RegionSelect } from './RegionSelect.js';
import { useIsPhone } from './responsive.js';

export interface FilterFormProps<V extends object> {
  /** Unique on the page: it prefixes the field ids that labels point to. */
  name: string;
  form: FormInstance<V>;
  /** The filters now applied (from the URL); the form follows them when the URL changes. */
  values: V;
  /** Changes whenever the URL does, so Back/Forward refills the form. */
  syncKey: string;
  onSearch: (values: V) => void;
  onReset: () => void;
  children: ReactNode;
}

/** Wraps each filter field in a grid cell. */
export function FilterField({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={8} xl={6}>
      {children}
    </Col>
  );
}

/** A filter choosing one value of a fixed list (a status, a kind, a year…), or all of them when cleared. */
export function EnumFilterField<T extends string | number>({
  name,
  label,
  values,
  labelOf = String,
  ...item
}: Omit<FormItemProps, 'name' | 'label' | 'children'> & {
  name: string;
  label: string;
  values: readonly T[];
  /** The words for a value; the value itself (a year) when not given. */
  labelOf?: (value: T) => string;
}) {
  const { t } = useTranslation();
  return (
    <FilterField>
      <Form.Item name={name} label={label} {...item}>
        <Select
          allowClear
          placeholder={t('common.all')}
          options={values.map((v) => ({ value: v, label: labelOf(v) }))}
        />
      </Form.Item>
    </FilterField>
  );
}

/**
 * A subdistrict or community: any region in scope (the registries), or only those holding
 * compounds (`withCompounds`: the lists of compounds, projects, ledger items and funding).
 */
export function RegionFilterField({
  name = 'region',
  label,
  placeholder,
  withCompounds = false,
}: {
  name?: string;
  label: string;
  placeholder?: string;
  withCompounds?: boolean;
}) {
  const { t } = useTranslation();
  const Picker = withCompounds ? CompoundRegionSelect : RegionSelect;
  return (
    <FilterField>
      <Form.Item name={name} label={label}>
        <Picker placeholder={placeholder ?? t('common.all')} />
      </Form.Item>
    </FilterField>
  );
}

/** One day ('YYYY-MM-DD' in the URL), in its own grid cell. */
export function DateFilterField({ name, label }: { name: string; label: string }) {
  const isPhone = useIsPhone();
  return (
    <FilterField>
      <Form.Item name={name} label={label} {...dateItemProps}>
        <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
      </Form.Item>
    </FilterField>
  );
}

/** From one day to another under one label; neither end may pass the other. */
export function DateRangeFilterField({
  label,
  from,
  to,
}: {
  label: string;
  /** Each end's field name and the words that name it (placeholder and accessible name). */
  from: { name: string; label: string };
  to: { name: string; label: string };
}) {
  const isPhone = useIsPhone();
  const form = Form.useFormInstance();
  const start = Form.useWatch<string | undefined>(from.name, form);
  const end = Form.useWatch<string | undefined>(to.name, form);
  return (
    <FilterField>
      <Form.Item label={label} style={{ marginBottom: 0 }}>
        <Flex gap={8}>
          <Form.Item name={from.name} {...dateItemProps} style={{ flex: 1 }}>
            <DatePicker
              placeholder={from.label}
              aria-label={from.label}
              style={{ width: '100%' }}
              disabledDate={(d) => Boolean(end && d.isAfter(dayjs(end), 'day'))}
              inputReadOnly={isPhone}
            />
          </Form.Item>
          <Form.Item name={to.name} {...dateItemProps} style={{ flex: 1 }}>
            <DatePicker
              placeholder={to.label}
              aria-label={to.label}
              style={{ width: '100%' }}
              disabledDate={(d) => Boolean(start && d.isBefore(dayjs(start), 'day'))}
              inputReadOnly={isPhone}
            />
          </Form.Item>
        </Flex>
      </Form.Item>
    </FilterField>
  );
}

/** The free-text search of a list (a name, a title…), as long as the server accepts. */
export function SearchFilterField({
  name = 'q',
  label,
  placeholder,
}: {
  name?: string;
  label: string;
  placeholder?: string;
}) {
  return (
    <FilterField>
      <Form.Item name={name} label={label}>
        <Input allowClear placeholder={placeholder} maxLength={limits.search.max} />
      </Form.Item>
    </FilterField>
  );
}

/** A filter field of the page's own making (a region tree, a picker, a date), in the same grid cell. */
export function CustomFilterField({
  children,
  ...item
}: Omit<FormItemProps, 'name' | 'label'> & { name: string; label: string; children: ReactNode }) {
  return (
    <FilterField>
      <Form.Item {...item}>{children}</Form.Item>
    </FilterField>
  );
}

export function FilterForm<V extends object>({
  name,
  form,
  values,
  syncKey,
  onSearch,
  onReset,
  children,
}: FilterFormProps<V>) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when the URL (syncKey) changes
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [syncKey]);
  const applied = Object.values(values).filter((v) => v !== undefined && v !== '').length;

  const fields = (
    <Form name={name} form={form} layout="vertical" onFinish={onSearch} role="search">
      <Row gutter={16} align="bottom">
        {children}
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item label={isPhone ? undefined : ' '} colon={false}>
            <Space wrap>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button icon={<ReloadOutlined />} onClick={onReset}>
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
  if (!isPhone) return fields;
  return (
    <Collapse
      ghost
      size="large"
      defaultActiveKey={applied > 0 ? ['filters'] : []}
      items={[
        {
          key: 'filters',
          label: (
            <Space>
              <FilterOutlined />
              {t('common.filters')}
              <Badge count={applied} size="small" />
            </Space>
          ),
          children: fields,
          forceRender: true,
        },
      ]}
    />
  );
}
