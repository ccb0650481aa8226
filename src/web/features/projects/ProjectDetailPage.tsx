/**
 * One project: its lifecycle step and the next one (and what blocks it), then tabs for the named
 * accountability, the renovation items, the money, its supervision ledger and its audited history;
 * a button leads to its engineering quality.
 */
import { ArrowLeftOutlined, ArrowRightOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Result,
  Skeleton,
  Steps,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ProjectDetail } from '../../../contract/projects.js';
import { projectStatuses } from '../../../domain/inventory.js';
import { ApiError } from '../../shared/api.js';
import { useErrorReporter } from '../../shared/errors.js';
import { formatNumber } from '../../shared/numbers.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useCan } from '../../shared/session.js';
import { FacilitiesTab } from '../facilities/FacilitiesPage.js';
import { ProjectUnits } from '../quality/ProjectUnits.js';
import { AccountabilityPanel } from './AccountabilityPanel.js';
import { FundingPanel } from './FundingPanel.js';
import { HistoryPanel } from './HistoryPanel.js';
import { ItemsPanel } from './ItemsPanel.js';
import { ProjectStatusTag } from './labels.js';
import { ProjectLedgerPanel } from './ProjectLedgerPanel.js';
import { useProject, useReloadProject, useTransition } from './queries.js';

const tabs = ['accountability', 'items', 'funding', 'ledger', 'history'] as const;
type TabKey = (typeof tabs)[number];

function NextStep({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const reload = useReloadProject();
  const isPhone = useIsPhone();
  const transition = useTransition(p.id);
  if (!p.nextStatus) return null;
  const next = t(`projects.statuses.${p.nextStatus}`);
  const blocked = p.nextStepProblems.length > 0;
  const button = (
    <Button
      type="primary"
      icon={<ArrowRightOutlined />}
      iconPlacement="end"
      disabled={blocked}
      loading={transition.isPending}
      block={isPhone}
      data-testid="next-step"
    >
      {t('project.next', { status: next })}
    </Button>
  );
  if (blocked) return <Tooltip title={t('project.blocked', { status: next })}>{button}</Tooltip>;
  const to = p.nextStatus;
  return (
    <Popconfirm
      title={t('project.nextConfirm', { status: next })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        transition.mutate(
          { version: p.version, to },
          {
            onSuccess: (updated) =>
              void message.success(t('project.moved', { status: t(`projects.statuses.${updated.status}`) })),
            onError: (error) => report(error, { onConflict: () => void reload(p.id) }),
          },
        )
      }
    >
      {button}
    </Popconfirm>
  );
}

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('project.notFoundTitle')}
      subTitle={t('project.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/projects')}>
          {t('project.backToList')}
        </Button>
      }
    />
  );
}

export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const isPhone = useIsPhone();
  const can = useCan();
  const project = useProject(id);
  const [editingAccountability, setEditingAccountability] = useState(false);

  if (project.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (project.isError) {
    const error = project.error;
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFound />;
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed', { message: error.message })}
        extra={
          <Button type="primary" onClick={() => void project.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const p = project.data;
  const canEdit = can('project.write');
  const tab: TabKey = tabs.find((k) => k === searchParams.get('tab')) ?? 'accountability';
  const setTab = (key: string) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );
  const back = () => (location.key === 'default' ? navigate('/projects') : navigate(-1));
  const step = projectStatuses.indexOf(p.status);

  return (
    <Flex vertical gap={16}>
      <div>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} style={{ paddingInline: 0 }}>
          {t('project.back')}
        </Button>
        <Flex justify="space-between" align={isPhone ? 'stretch' : 'center'} gap={12} vertical={isPhone}>
          <Flex vertical gap={4}>
            <Flex align="center" gap={8} wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {p.compoundName}
              </Typography.Title>
              <span data-testid="project-status">
                <ProjectStatusTag status={p.status} />
              </span>
            </Flex>
            <Typography.Text type="secondary">
              {t('project.subtitle', { year: p.year, subdistrict: p.subdistrictName ?? '—' })}
              {p.batch && (
                <>
                  {' · '}
                  <Link to={`/projects?batchId=${p.batch.id}`} data-testid="project-batch">
                    {t('batches.ofBatch', { name: p.batch.name })}
                  </Link>
                </>
              )}
              {' · '}
              <Link to={`/compounds/${p.compoundId}`}>{t('project.viewCompound')}</Link>
            </Typography.Text>
          </Flex>
          <Flex gap={8} vertical={isPhone}>
            <Button
              icon={<SafetyCertificateOutlined />}
              block={isPhone}
              data-testid="quality-page"
              onClick={() => navigate(`/projects/${p.id}/quality`)}
            >
              {t('quality.openPage')}
            </Button>
            {canEdit && <NextStep project={p} />}
          </Flex>
        </Flex>
      </div>
      {!isPhone && (
        <Card size="small">
          <Steps
            size="small"
            current={step}
            status={p.status === 'handed_over' ? 'finish' : 'process'}
            items={projectStatuses.map((s) => ({ title: t(`projects.statuses.${s}`) }))}
          />
        </Card>
      )}
      {p.nextStatus && p.nextStepProblems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="next-step-problems"
          title={t('project.blocked', { status: t(`projects.statuses.${p.nextStatus}`) })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {p.nextStepProblems.map((problem) => (
                <li key={problem.reason}>{problem.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'accountability',
              label: t('project.tabAccountability'),
              children: (
                <AccountabilityPanel
                  project={p}
                  canEdit={canEdit}
                  editing={editingAccountability}
                  onEdit={setEditingAccountability}
                  onLedger={() => setTab('ledger')}
                />
              ),
            },
            {
              key: 'units',
              label: t('projectUnits.title'),
              children: <ProjectUnits projectId={p.id} />,
            },
            {
              key: 'items',
              label: `${t('project.tabItems')} (${formatNumber(p.items.length)})`,
              children: <ItemsPanel project={p} canEdit={canEdit} />,
            },
            {
              key: 'funding',
              label: t('project.tabFunding'),
              children: <FundingPanel project={p} canEdit={canEdit} />,
            },
            {
              key: 'facilities',
              label: t('facilities.title'),
              children: <FacilitiesTab compoundId={p.compoundId} projectId={p.id} />,
            },
            ...(can('ledger.read')
              ? [
                  {
                    key: 'ledger',
                    label: `${t('project.tabLedger')} (${formatNumber(p.openLedgerItems)})`,
                    children: <ProjectLedgerPanel project={p} />,
                  },
                ]
              : []),
            ...(can('audit.read')
              ? [
                  {
                    key: 'history',
                    label: t('project.tabHistory'),
                    children: <HistoryPanel projectId={p.id} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}
