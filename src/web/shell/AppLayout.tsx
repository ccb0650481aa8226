/** The signed-in frame: side menu (a drawer on phones), header with the user menu, and the page. */
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Menu, type MenuProps, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useIsPhone } from '../shared/responsive.js';
import { FullPageSpin } from './guards.js';
import { Notifications } from './Notifications.js';
import { menuPages, navigation, useMenuItems } from './navigation.js';
import { UserMenu } from './UserMenu.js';

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" style={{ color: 'inherit' }}>
      <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>
        {compact ? t('app.name') : t('app.fullName')}
      </Typography.Text>
    </Link>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const location = useLocation();
  const navigate = useNavigate();
  const items = useMenuItems();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  // The deepest menu page holding the address (a meeting is under 会议记录, not 督办事项 too).
  const selected = menuPages
    .filter((p) => location.pathname === p.path || location.pathname.startsWith(`${p.path}/`))
    .map((p) => p.path)
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const onClick: MenuProps['onClick'] = ({ key }) => {
    setDrawerOpen(false);
    navigate(key);
  };
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      defaultOpenKeys={navigation.map((g) => g.key)}
      onClick={onClick}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const hasMenu = items.length > 0;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {hasMenu && !isPhone && (
        <Layout.Sider
          theme="light"
          width={220}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav>{menu}</nav>
        </Layout.Sider>
      )}
      {hasMenu && isPhone && (
        <Drawer
          placement="left"
          size={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<Brand compact />}
          styles={{ body: { padding: 0 } }}
        >
          <nav>{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: isPhone ? 8 : 24,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {hasMenu && isPhone && (
                <Button
                  type="text"
                  size="large"
                  icon={<MenuOutlined />}
                  aria-label={t('shell.openMenu')}
                  onClick={() => setDrawerOpen(true)}
                />
              )}
              <Brand compact={isPhone} />
            </Flex>
            <Flex align="center" gap={isPhone ? 0 : 8}>
              <Notifications />
              <UserMenu />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
