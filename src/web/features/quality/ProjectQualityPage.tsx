/**
 * A project's quality (/projects/:id/quality): what still holds its acceptance, then one tab per
 * part of the five gates — the gates and their sign-off, plan and zoning, materials, on-site
 * checks, concealed works, rectification tickets and the joint acceptance. Each person sees the
 * actions their role allows; the field forms work on a phone.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { openTicketStatuses } from '../../../domain/quality.js';
import { ApiError } from '../../shared/api.js';
import { ProjectStatusTag } from '../projects/labels.js';
import { useProject } from '../projects/queries.js';
import { AcceptanceBlocks, AcceptancePanel } from './AcceptancePanel.js';
import { ConcealedPanel } from './ConcealedPanel.js';
import { GatesPanel } from './GatesPanel.js';
import { MaterialsPanel } from './MaterialsPanel.js';
import { PlanPanel, ZonesPanel } from './PlanPanel.js';
import { useProjectQuality } from './queries.js';
import { SupervisionPanel } from './SupervisionPanel.js';
import { TicketsPanel } from './TicketsPanel.js';

const tabs = ['gates', 'plan', 'materials', 'supervision', 'concealed', 'tickets', 'acceptance'] as const;
type TabKey = (typeof tabs)[number];

export function ProjectQualityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const quality = useProjectQuality(id);
  const project = useProject(id);

  if (quality.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (quality.isError) {
    const error = quality.error;
    if (error instanceof ApiError && (error.status === 404 || error.status === 400))
      return <Result status="404" title={t('project.notFoundTitle')} subTitle={t('project.notFound')} />;
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed', { message: error.message })}
        extra={
          <Button type="primary" onClick={() => void quality.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const q = quality.data;
  const tab: TabKey = tabs.find((k) => k === searchParams.get('tab')) ?? 'gates';
  const setTab = (key: string) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );
  const openTickets = q.tickets.filter((x) => openTicketStatuses.includes(x.status)).length;
  const passedGates = q.gates.filter((g) => g.status === 'passed').length;
  const count = (n: number) => <Badge count={n} size="small" offset={[4, -2]} />;

  return (
    <Flex vertical gap={12}>
      <div>
        <Link to={`/projects/${id}`}>
          <ArrowLeftOutlined /> {t('quality.backToProject')}
        </Link>
        <Flex align="center" gap={8} wrap style={{ marginTop: 4 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('quality.title')}
            {project.data ? ` · ${project.data.compoundName}` : ''}
          </Typography.Title>
          <ProjectStatusTag status={q.status} />
          <Typography.Text type="secondary">{t('quality.gatesPassed', { n: passedGates })}</Typography.Text>
        </Flex>
      </div>
      <AcceptanceBlocks q={q} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'gates', label: t('quality.tabs.gates'), children: <GatesPanel q={q} /> },
          {
            key: 'plan',
            label: t('quality.tabs.plan'),
            children: (
              <Flex vertical gap={12}>
                <PlanPanel q={q} />
                <ZonesPanel q={q} />
              </Flex>
            ),
          },
          { key: 'materials', label: t('quality.tabs.materials'), children: <MaterialsPanel q={q} /> },
          { key: 'supervision', label: t('quality.tabs.supervision'), children: <SupervisionPanel q={q} /> },
          { key: 'concealed', label: t('quality.tabs.concealed'), children: <ConcealedPanel q={q} /> },
          {
            key: 'tickets',
            label: (
              <span>
                {t('quality.tabs.tickets')}
                {count(openTickets)}
              </span>
            ),
            children: <TicketsPanel q={q} />,
          },
          { key: 'acceptance', label: t('quality.tabs.acceptance'), children: <AcceptancePanel q={q} /> },
        ]}
      />
    </Flex>
  );
}
