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
  Form,
  type FormInstance,
  type FormItemProps,
  Input,
  Row,
  Select,
  Space,
} from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../contract/common.js';
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
