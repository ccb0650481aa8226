/**
 * A reply's commitments: each linked to the project or supervision-ledger item that delivers it,
 * with that record's live status; added and removed by the handling staff. A B is raised to A
 * here, deliberately, once every commitment is done — and the page says why it cannot be yet.
 */
import { DeleteOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Radio,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import type { Commitment, ProposalDetail } from '../../../contract/proposals.js';
import { proposalsEndpoints } from '../../../contract/proposals.js';
import type { ProjectStatus } from '../../../domain/inventory.js';
import type { LedgerStatus } from '../../../domain/ledger.js';
import { raisedFrom } from '../../../domain/proposals.js';
import { useErrorReporter } from '../../shared/errors.js';
import { useDebounced } from '../../shared/useDebounced.js';
import { ProjectSelect } from '../ledger/ProjectSelect.js';
import { useLedgerList } from '../ledger/queries.js';
import { useProposalAction, useRaiseGrade, useRemoveCommitment } from './queries.js';

/** A supervision-ledger item in the caller's reach, found by its title. */
function LedgerItemSelect(props: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(search.trim());
  const list = useLedgerList({ page: 1, pageSize: 30, ...(q ? { q } : {}) }, open || q !== '');
  return (
    <Select<string | undefined>
      {...props}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      loading={list.isFetching}
      placeholder={t('proposals.ledgerPlaceholder')}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      options={(list.data?.items ?? []).map((item) => {
        const label = `${item.title}（${t(`ledger.statuses.${item.status}`)}）`;
        return { value: item.id, label, title: label };
      })}
      style={{ width: '100%' }}
    />
  );
}

function LinkStatus({ c }: { c: Commitment }) {
  const { t } = useTranslation();
  const status = c.projectId
    ? t(`projects.statuses.${c.linkStatus as ProjectStatus}`)
    : t(`ledger.statuses.${c.linkStatus as LedgerStatus}`);
  return (
    <Flex gap={4} wrap align="center">
      <Tag>{c.projectId ? t('proposals.linkProject') : t('proposals.linkLedger')}</Tag>
      <Typography.Text>{c.linkLabel}</Typography.Text>
      <Typography.Text type="secondary">（{status}）</Typography.Text>
      <Tag color={c.done ? 'green' : 'orange'} data-testid="commitment-done">
        {c.done ? t('proposals.done') : t('proposals.notDone')}
      </Tag>
    </Flex>
  );
}

function AddCommitment({ p }: { p: ProposalDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const add = useProposalAction(proposalsEndpoints.addCommitment, p.id);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) ?? 'project';
  return (
    <Form
      form={form}
      name="commitment"
      layout="vertical"
      initialValues={{ kind: 'project', text: '' }}
      onFinish={(v: { kind: string; text: string; projectId?: string; ledgerItemId?: string }) =>
        add.mutate(
          {
            text: v.text,
            ...(v.kind === 'project' ? { projectId: v.projectId } : { ledgerItemId: v.ledgerItemId }),
          },
          {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('proposals.commitmentAdded'));
            },
            onError: (error) => report(error, { form, fields: ['text', 'projectId', 'ledgerItemId'] }),
          },
        )
      }
    >
      <Form.Item
        name="text"
        label={t('proposals.commitmentText')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={limits.shortNote.max} placeholder={t('proposals.commitmentPlaceholder')} />
      </Form.Item>
      <Form.Item name="kind" label={t('proposals.linkKind')}>
        <Radio.Group
          options={[
            { value: 'project', label: t('proposals.linkProject') },
            { value: 'ledger', label: t('proposals.linkLedger') },
          ]}
        />
      </Form.Item>
      {kind === 'project' ? (
        <Form.Item name="projectId" label={t('proposals.linkProject')} rules={[{ required: true }]}>
          <ProjectSelect />
        </Form.Item>
      ) : (
        <Form.Item name="ledgerItemId" label={t('proposals.linkLedger')} rules={[{ required: true }]}>
          <LedgerItemSelect />
        </Form.Item>
      )}
      <Button htmlType="submit" loading={add.isPending}>
        {t('proposals.addCommitment')}
      </Button>
    </Form>
  );
}

export function Commitments({ p, handle }: { p: ProposalDetail; handle: boolean }) {
  const { t } = useTranslation();
  const report = useErrorReporter();
  const { message } = App.useApp();
  const raise = useRaiseGrade(p.id);
  const remove = useRemoveCommitment(p.id);
  if (!handle && p.commitments.length === 0) return null;
  const open = p.commitments.filter((c) => !c.done).map((c) => c.text);
  const reason =
    p.raiseProblem === 'open_commitments'
      ? t('proposals.raiseProblems.open_commitments', { open: open.join('；') })
      : p.raiseProblem && t(`proposals.raiseProblems.${p.raiseProblem}`);
  return (
    <Card
      size="small"
      title={t('proposals.commitments')}
      extra={
        handle && p.grade === raisedFrom ? (
          <Popconfirm
            title={t('proposals.raiseConfirm')}
            disabled={!p.mayRaiseToA}
            onConfirm={() =>
              raise.mutate(undefined, {
                onSuccess: () => void message.success(t('proposals.raised')),
                onError: (error) => report(error),
              })
            }
          >
            <Button type="primary" disabled={!p.mayRaiseToA} loading={raise.isPending}>
              {t('proposals.raise')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('proposals.commitmentsHint')}</Typography.Paragraph>
      {p.grade === raisedFrom && reason && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={reason} data-testid="raise-reason" />
      )}
      <List
        dataSource={p.commitments}
        locale={{ emptyText: t('proposals.noCommitments') }}
        renderItem={(c) => (
          <List.Item
            data-testid="commitment"
            actions={
              handle
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('proposals.removeCommitmentConfirm')}
                      onConfirm={() => remove.mutate(c.id, { onError: (error) => report(error) })}
                    >
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('proposals.removeCommitment')}
                      />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Flex vertical gap={4}>
              <Typography.Text strong>{c.text}</Typography.Text>
              <LinkStatus c={c} />
            </Flex>
          </List.Item>
        )}
      />
      {handle && (
        <Card size="small" type="inner" title={t('proposals.addCommitment')} style={{ marginTop: 12 }}>
          <AddCommitment p={p} />
        </Card>
      )}
    </Card>
  );
}
