/** The command structure in figures: task forces, departments, units, cadres and party bodies. */
import { Button, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../../contract/stats.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { formatNumber } from '../../shared/numbers.js';
import { useOrganisationFigures } from './queries.js';

const figureKeys = [
  ['taskForces', 'units.taskForces'],
  ['departments', 'units.departments'],
  ['units', 'units.units'],
  ['cadres', 'units.people'],
  ['tempPartyOrgs', 'units.bodies'],
  ['commandoTeams', 'units.teams'],
  ['vanguardPosts', 'units.posts'],
  ['coBuildingUnits', 'units.units'],
] as const satisfies readonly (readonly [keyof Summary, string])[];

export function Figures() {
  const { t } = useTranslation();
  const figures = useOrganisationFigures();
  if (figures.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (figures.isError) {
    return (
      <EmptyHint
        text={t('errors.loadFailed', { message: figures.error.message })}
        action={<Button onClick={() => void figures.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <Row gutter={[12, 12]}>
      {figureKeys.map(([key, unit]) => (
        <Col key={key} xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t(`organisation.figures.${key}`)}
              value={formatNumber(figures.data[key])}
              suffix={t(unit)}
              data-testid={`org-${key}`}
              styles={{ content: { fontSize: 26 }, suffix: { fontSize: 14 } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`organisation.figureHints.${key}`)}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
