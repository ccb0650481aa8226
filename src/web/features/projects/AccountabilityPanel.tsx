/**
 * 责任体系 (mechanism 2, contracting down the line): a county-level liaison, a section-level cadre
 * in charge, a temporary party organisation, a work group and a supervision ledger, each shown as
 * in place or missing; the first four are named in one drawer.
 */
import { CheckCircleFilled, EditOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Form,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../contract/projects.js';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { useIsPhone } from '../../shared/responsive.js';
import { CadreLevelTag, CadreSelect, PartyOrgSelect } from '../organisation/pickers.js';
import { useReloadProject, useSetAccountability } from './queries.js';

interface Values {
  liaisonCadreId?: string;
  cadreInChargeId?: string;
  tempPartyOrgId?: string;
  workGroup: string[];
}

const fields = ['liaisonCadreId', 'cadreInChargeId', 'tempPartyOrgId', 'workGroup'] as const;

function Piece({ ok, children, problem }: { ok: boolean; children: ReactNode; problem?: string }) {
  return (
    <Flex gap={8} align="flex-start">
      {ok ? (
        <CheckCircleFilled style={{ color: '#52c41a', marginTop: 4 }} />
      ) : (
        <ExclamationCircleFilled style={{ color: '#fa8c16', marginTop: 4 }} />
      )}
      <Flex vertical gap={2}>
        {children}
        {problem && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {problem}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

function Missing({ text }: { text: string }) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}

export function AccountabilityPanel({
  project: p,
  canEdit,
  editing,
  onEdit,
  onLedger,
}: {
  project: ProjectDetail;
  canEdit: boolean;
  editing: boolean;
  onEdit: (open: boolean) => void;
  onLedger: () => void;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const liaisonOk = p.liaisonCadre?.level === 'county';
  const inChargeOk = p.cadreInCharge?.level === 'section';
  const pieces = [
    liaisonOk,
    inChargeOk,
    p.tempPartyOrg !== null,
    p.workGroup.length > 0,
    p.openLedgerItems > 0,
  ];
  const done = pieces.filter(Boolean).length;

  const items: DescriptionsProps['items'] = [
    {
      key: 'liaison',
      label: t('project.liaison'),
      children: (
        <Piece ok={liaisonOk} problem={p.liaisonCadre && !liaisonOk ? t('project.liaisonLevel') : undefined}>
          {p.liaisonCadre ? (
            <span data-testid="liaison">
              {p.liaisonCadre.name} <CadreLevelTag level={p.liaisonCadre.level} />
            </span>
          ) : (
            <Missing text={t('project.notNamed')} />
          )}
        </Piece>
      ),
    },
    {
      key: 'inCharge',
      label: t('project.cadreInCharge'),
      children: (
        <Piece
          ok={inChargeOk}
          problem={p.cadreInCharge && !inChargeOk ? t('project.cadreInChargeLevel') : undefined}
        >
          {p.cadreInCharge ? (
            <span data-testid="cadre-in-charge">
              {p.cadreInCharge.name} <CadreLevelTag level={p.cadreInCharge.level} />
            </span>
          ) : (
            <Missing text={t('project.notNamed')} />
          )}
        </Piece>
      ),
    },
    {
      key: 'partyOrg',
      label: t('project.tempPartyOrg'),
      children: (
        <Piece ok={p.tempPartyOrg !== null}>
          {p.tempPartyOrg ? (
            <span data-testid="party-org">{p.tempPartyOrg.name}</span>
          ) : (
            <Missing text={t('project.notSetUp')} />
          )}
        </Piece>
      ),
    },
    {
      key: 'workGroup',
      label: t('project.workGroup'),
      children: (
        <Piece ok={p.workGroup.length > 0}>
          {p.workGroup.length > 0 ? (
            <Space size={[4, 4]} wrap data-testid="work-group">
              {p.workGroup.map((c) => (
                <Tag key={c.id}>{c.name}</Tag>
              ))}
            </Space>
          ) : (
            <Missing text={t('project.workGroupEmpty')} />
          )}
        </Piece>
      ),
    },
    {
      key: 'ledger',
      label: t('project.ledger'),
      children: (
        <Piece ok={p.openLedgerItems > 0}>
          <Button type="link" onClick={onLedger} style={{ padding: 0, height: 'auto' }}>
            {p.openLedgerItems > 0
              ? t('project.openItems', { count: p.openLedgerItems })
              : t('project.noOpenItems')}
          </Button>
        </Piece>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text data-testid="accountability-count">
          {t('project.accountabilityDone', { done, total: pieces.length })}
        </Typography.Text>
        {canEdit && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(true)}>
            {t('project.editAccountability')}
          </Button>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={items}
        styles={{ label: { width: isPhone ? 124 : 180 } }}
      />
      {canEdit && <AccountabilityDrawer project={p} open={editing} onClose={() => onEdit(false)} />}
    </Flex>
  );
}

function AccountabilityDrawer({
  project: p,
  open,
  onClose,
}: {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reload = useReloadProject();
  const [form] = Form.useForm<Values>();
  const save = useSetAccountability(p.id);

  return (
    <FormDrawer<Values, unknown>
      open={open}
      name="accountability"
      form={form}
      fields={fields}
      width={560}
      initialValues={{
        liaisonCadreId: p.liaisonCadre?.id,
        cadreInChargeId: p.cadreInCharge?.id,
        tempPartyOrgId: p.tempPartyOrg?.id,
        workGroup: p.workGroup.map((c) => c.id),
      }}
      submit={(v) =>
        save.mutateAsync({
          version: p.version,
          liaisonCadreId: v.liaisonCadreId ?? null,
          cadreInChargeId: v.cadreInChargeId ?? null,
          tempPartyOrgId: v.tempPartyOrgId ?? null,
          workGroup: v.workGroup ?? [],
        })
      }
      onSaved={() => void message.success(t('project.accountabilitySaved'))}
      onConflict={() => void reload(p.id)}
      onClose={onClose}
      notice={
        <Alert type="info" showIcon title={t('project.accountabilityHint')} style={{ marginBottom: 16 }} />
      }
      title={t('project.editAccountability')}
    >
      <Form.Item name="liaisonCadreId" label={t('project.liaison')} extra={t('project.liaisonHelp')}>
        <CadreSelect level="county" region={p.regionCode} known={p.liaisonCadre ? [p.liaisonCadre] : []} />
      </Form.Item>
      <Form.Item
        name="cadreInChargeId"
        label={t('project.cadreInCharge')}
        extra={t('project.cadreInChargeHelp')}
      >
        <CadreSelect level="section" region={p.regionCode} known={p.cadreInCharge ? [p.cadreInCharge] : []} />
      </Form.Item>
      <Form.Item
        name="tempPartyOrgId"
        label={t('project.tempPartyOrg')}
        extra={t('project.tempPartyOrgHelp')}
      >
        <PartyOrgSelect known={p.tempPartyOrg} region={p.regionCode} />
      </Form.Item>
      <Form.Item name="workGroup" label={t('project.workGroup')} extra={t('project.workGroupHelp')}>
        <CadreSelect multiple region={p.regionCode} known={p.workGroup} />
      </Form.Item>
    </FormDrawer>
  );
}
