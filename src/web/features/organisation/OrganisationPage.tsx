/**
 * 组织体系 (mechanism 1, the command structure): the headquarters' task forces, pooled
 * departments, units and cadres on the front line, first secretaries and the party bodies on
 * site — one registry per tab, the tab in the URL (?tab=) so a link opens it.
 */
import { Card, Collapse, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useIsPhone } from '../../shared/responsive.js';
import { CadresTab } from './CadresTab.js';
import { Figures } from './Figures.js';
import { FirstSecretariesTab } from './FirstSecretariesTab.js';
import { PartyBodiesTab } from './PartyBodiesTab.js';
import { DepartmentsTab, TaskForcesTab } from './StructureTabs.js';
import { UnitsTab } from './UnitsTab.js';

const tabs = {
  taskForces: TaskForcesTab,
  departments: DepartmentsTab,
  units: UnitsTab,
  cadres: CadresTab,
  secretaries: FirstSecretariesTab,
  bodies: PartyBodiesTab,
} as const;
type TabKey = keyof typeof tabs;
const isTab = (key: string | null): key is TabKey => key !== null && key in tabs;

export function OrganisationPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: TabKey = isTab(requested) ? requested : 'taskForces';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('organisation.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('organisation.hint')}</Typography.Text>
      {isPhone ? (
        // On a phone the eight figures would push the registries out of view: they fold away.
        <Collapse
          size="small"
          items={[{ key: 'figures', label: t('organisation.figuresTitle'), children: <Figures /> }]}
        />
      ) : (
        <Figures />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          // A tab's filters and page are its own: switching starts the next tab afresh.
          onChange={(key) => setSearchParams({ tab: key })}
          destroyOnHidden
          items={Object.entries(tabs).map(([key, Tab]) => ({
            key,
            label: t(`organisation.tabs.${key as TabKey}`),
            children: <Tab />,
          }))}
        />
      </Card>
    </Flex>
  );
}
