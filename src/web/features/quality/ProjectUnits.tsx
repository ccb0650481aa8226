/**
 * A project's construction, supervising and design units and their people named on it (whom the
 * contractor and supervisor logins act for); the client (`quality.manage`) names them.
 */
import { Button, Descriptions, Flex, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { type Firm, firmKinds, type ProjectUnits as Units } from '../../../contract/quality.js';
import type { FirmKind } from '../../../domain/quality.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { useCan } from '../../shared/session.js';
import { useFirms, useProjectUnits, useSetProjectUnits } from './boardQueries.js';

type Values = Partial<Record<FirmKind, { firmId?: string; people?: string[] }>>;
const fields = firmKinds.flatMap((k) => [`${k}.firmId`, `${k}.people`]);

function UnitsDrawer({
  projectId,
  units,
  open,
  onClose,
}: {
  projectId: string;
  units: Units | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const firms = useFirms({ page: 1, pageSize: limits.pageSize.max });
  const save = useSetProjectUnits(projectId);
  const all: Firm[] = firms.data?.items ?? [];
  const chosen = Form.useWatch([], form) ?? {};
  const initial: Values = Object.fromEntries(
    (units?.units ?? []).map((u) => [u.kind, { firmId: u.firm.id, people: u.people.map((p) => p.id) }]),
  );
  const submit = (v: Values) =>
    save.mutateAsync({
      units: firmKinds.flatMap((kind) => {
        const firmId = v[kind]?.firmId;
        return firmId ? [{ kind, firmId, people: v[kind]?.people ?? [] }] : [];
      }),
    });
  return (
    <FormDrawer<Values, Units>
      open={open}
      name="projectUnits"
      form={form}
      fields={fields}
      submit={submit}
      onClose={onClose}
      loading={firms.isLoading}
      initialValues={initial}
      title={t('projectUnits.editTitle')}
      onValuesChange={(changed: Values) => {
        // A different firm: its people, not the last one's.
        for (const kind of firmKinds)
          if (changed[kind]?.firmId !== undefined) form.setFieldValue([kind, 'people'], []);
      }}
    >
      {firmKinds.map((kind) => {
        const firm = all.find((f) => f.id === chosen[kind]?.firmId);
        return (
          <div key={kind}>
            <Typography.Title level={5}>{t(`firms.kinds.${kind}`)}</Typography.Title>
            <Form.Item name={[kind, 'firmId']} label={t('projectUnits.firm')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={all.map((f) => ({ value: f.id, label: f.name }))}
              />
            </Form.Item>
            <Form.Item name={[kind, 'people']} label={t('projectUnits.people')}>
              <Select
                mode="multiple"
                disabled={!firm}
                optionFilterProp="label"
                options={(firm?.people ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.name}${p.post ? `（${p.post}）` : ''}`,
                }))}
              />
            </Form.Item>
          </div>
        );
      })}
    </FormDrawer>
  );
}

export function ProjectUnits({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const units = useProjectUnits(projectId);
  const [editing, setEditing] = useState(false);
  return (
    <Flex vertical gap={12}>
      {can('quality.manage') && (
        <Flex justify="flex-end">
          <Button onClick={() => setEditing(true)} data-testid="edit-units">
            {t('projectUnits.edit')}
          </Button>
        </Flex>
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={firmKinds.map((kind) => {
          const unit = units.data?.units.find((u) => u.kind === kind);
          return {
            key: kind,
            label: t(`firms.kinds.${kind}`),
            children: unit ? (
              <Flex vertical>
                <span>
                  {unit.firm.name} <Typography.Text type="secondary">{unit.firm.creditCode}</Typography.Text>
                </span>
                <Typography.Text type="secondary">
                  {unit.people.map((p) => `${p.name}${p.post ? `（${p.post}）` : ''}`).join('、') || '—'}
                </Typography.Text>
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('projectUnits.none')}</Typography.Text>
            ),
          };
        })}
      />
      {editing && (
        <UnitsDrawer
          projectId={projectId}
          units={units.data}
          open={editing}
          onClose={() => setEditing(false)}
        />
      )}
    </Flex>
  );
}
