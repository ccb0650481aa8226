/** The ledger's heading and its four views as tabs (each its own address, so links and Back work). */
import { Flex, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

export function LedgerHeader({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = [
    { key: '/ledger/mine', label: t('ledger.tabMine') },
    { key: '/ledger', label: t('ledger.tabAll') },
    { key: '/ledger/board', label: t('ledger.tabBoard') },
    { key: '/ledger/meetings', label: t('ledger.tabMeeting') },
  ];
  // A meeting's own page and the new-meeting form sit under the meetings tab.
  const active = pathname.startsWith('/ledger/meetings') ? '/ledger/meetings' : pathname;
  return (
    <div>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ledger.title')}
        </Typography.Title>
        {extra}
      </Flex>
      <Tabs
        activeKey={active}
        items={items}
        onChange={(key) => navigate(key)}
        style={{ marginBottom: -8 }}
        size="large"
      />
    </div>
  );
}
