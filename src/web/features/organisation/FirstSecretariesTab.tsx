/** 第一书记: each subdistrict's first secretary, a county-level cadre; headquarters may name another. */
import { App, Button, Flex, Form, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FirstSecretary } from '../../../contract/organisation.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { FormModal } from '../../shared/FormDrawer.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useCan } from '../../shared/session.js';
import { CadreLevelTag, CadreSelect } from './pickers.js';
import { useFirstSecretaries, useSetFirstSecretary } from './queries.js';
import { ExportButton, RegistryToolbar } from './RegistryParts.js';

type SecretaryRow = z.infer<typeof FirstSecretary>;

/** Choose a subdistrict's first secretary among county-level cadres. */
function ChangeSecretaryModal({ row, onClose }: { row: SecretaryRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ cadreId: string }>();
  const save = useSetFirstSecretary();
  return (
    <FormModal
      open={row !== null}
      name="firstSecretary"
      form={form}
      fields={['cadreId']}
      initialValues={{ cadreId: row?.cadre?.id }}
      submit={({ cadreId }) =>
        row ? save.mutateAsync({ regionCode: row.regionCode, cadreId }) : Promise.reject(new Error('no row'))
      }
      onSaved={() =>
        void message.success(t('organisation.secretarySaved', { region: row?.subdistrictName ?? '' }))
      }
      onClose={onClose}
      title={t('organisation.secretaryChangeTitle', { region: row?.subdistrictName ?? '' })}
    >
      <Form.Item
        name="cadreId"
        label={t('organisation.firstSecretary')}
        extra={t('organisation.secretaryHelp')}
        rules={[{ required: true, message: t('organisation.secretaryRequired') }]}
      >
        <CadreSelect level="county" known={row?.cadre ? [row.cadre] : []} />
      </Form.Item>
    </FormModal>
  );
}

export function FirstSecretariesTab() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const can = useCan();
  const list = useFirstSecretaries();
  const [changing, setChanging] = useState<SecretaryRow | null>(null);
  return (
    <Flex vertical gap={12}>
      <RegistryToolbar hint={t('organisation.secretariesHint')}>
        <ExportButton registry="first_secretaries" />
      </RegistryToolbar>
      <Table<SecretaryRow>
        rowKey="regionCode"
        size={isPhone ? 'middle' : 'small'}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <EmptyHint
              text={
                list.isError
                  ? t('errors.loadFailed', { message: list.error.message })
                  : t('organisation.secretariesEmpty')
              }
            />
          ),
        }}
        columns={[
          { key: 'region', title: t('organisation.subdistrict'), dataIndex: 'subdistrictName' },
          {
            key: 'cadre',
            title: t('organisation.firstSecretary'),
            dataIndex: 'cadre',
            render: (c: SecretaryRow['cadre']) =>
              c ? (
                <Flex gap={4} align="center" wrap>
                  {c.name}
                  <CadreLevelTag level={c.level} />
                </Flex>
              ) : (
                <Typography.Text type="warning">{t('organisation.secretaryNone')}</Typography.Text>
              ),
          },
          ...(can('organisation.write')
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, row: SecretaryRow) => (
                    <Button type="link" onClick={() => setChanging(row)}>
                      {t('organisation.secretaryChange')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ChangeSecretaryModal row={changing} onClose={() => setChanging(null)} />
    </Flex>
  );
}
