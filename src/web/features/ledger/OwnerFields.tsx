/**
 * A ledger item's owner — a cadre, or a unit whose leader answers for it — and the task force that
 * supervises it. Used by the add-item form and by each meeting decision.
 */
import { Col, Form, Row, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CadreSelect, UnitSelect } from '../organisation/pickers.js';
import { type OwnerKind, ownerKinds } from './owner.js';
import { useTaskForces } from './queries.js';

type Path = (string | number)[];

/** One of the headquarters' task forces (工作专班). */
export function TaskForceSelect(props: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const list = useTaskForces();
  return (
    <Select<string | undefined>
      placeholder={t('ledger.taskForcePlaceholder')}
      {...props}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.isFetching}
      options={(list.data?.items ?? []).map((f) => ({ value: f.id, label: f.name, title: f.name }))}
      style={{ width: '100%' }}
    />
  );
}

/**
 * The owner kind switch and the matching picker. `name` is the fields' place within the form (or
 * its list row); `path` the same place from the form's root, when the two differ (in a Form.List).
 */
export function OwnerFields({ name = [], path, region }: { name?: Path; path?: Path; region?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind: OwnerKind = Form.useWatch([...(path ?? name), 'ownerKind'], form) ?? 'cadre';
  return (
    <Row gutter={12}>
      <Col xs={24} sm={9}>
        <Form.Item name={[...name, 'ownerKind']} label={t('ledger.ownerKind')}>
          <Segmented<OwnerKind>
            block
            options={ownerKinds.map((k) => ({ value: k, label: t(`ledger.ownerKinds.${k}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={15}>
        {kind === 'unit' ? (
          <Form.Item
            name={[...name, 'ownerUnitId']}
            label={t('ledger.ownerUnit')}
            extra={t('ledger.ownerUnitHelp')}
            rules={[{ required: true, message: t('ledger.ownerUnitRequired') }]}
          >
            <UnitSelect placeholder={t('ledger.unitPlaceholder')} />
          </Form.Item>
        ) : (
          <Form.Item
            name={[...name, 'ownerCadreId']}
            label={t('ledger.owner')}
            rules={[{ required: true, message: t('ledger.ownerRequired') }]}
          >
            <CadreSelect region={region} />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}
