/** My workbench: who the user is, their role and the regions they work in (from the user menu). */
import { Alert, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { districtWideRoles, type Role } from '../../domain/access.js';
import { regionNames, useRegions } from '../shared/regions.js';
import { useRoleLabels } from '../shared/roles.js';
import { useMe } from '../shared/session.js';
import { useMenuItems } from './navigation.js';

function Scope({ role, codes }: { role: Role; codes: string[] }) {
  const { t } = useTranslation();
  const regions = useRegions();
  if (districtWideRoles.includes(role) || codes.length === 0) {
    // Only district-wide roles may have an empty scope; for any other role it means "nothing yet".
    return districtWideRoles.includes(role) ? (
      <Tag color="blue">{t('workbench.wholeDistrict')}</Tag>
    ) : (
      <Typography.Text type="warning">{t('workbench.noScope')}</Typography.Text>
    );
  }
  if (regions.isPending) return <Skeleton.Input active size="small" />;
  return (
    <Space size={[4, 4]} wrap>
      {regionNames(regions.data, codes).map((name, i) => (
        <Tag key={codes[i]} color="blue">
          {name}
        </Tag>
      ))}
    </Space>
  );
}

export function WorkbenchPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const roles = useRoleLabels();
  const hasMenu = useMenuItems().length > 0;
  if (!me) return null;
  const { user } = me;
  return (
    <Card title={t('workbench.title')} style={{ maxWidth: 960 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('workbench.welcome', { name: user.displayName })}
      </Typography.Title>
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'displayName', label: t('workbench.displayName'), children: user.displayName },
          { key: 'username', label: t('workbench.username'), children: user.username },
          { key: 'role', label: t('workbench.role'), children: roles.label(user.role) },
          {
            key: 'scope',
            label: t('workbench.scope'),
            children: (
              <span data-testid="workbench-scope">
                <Scope role={user.role} codes={user.scopeRegions} />
              </span>
            ),
          },
        ]}
      />
      <Alert
        style={{ marginTop: 16 }}
        type="info"
        showIcon
        title={hasMenu ? t('workbench.next') : t('shell.noModules')}
      />
    </Card>
  );
}
