/** The header's user menu: who is logged in, their workbench, language, API reference (admins) and logout. */
import {
  ApiOutlined,
  CheckOutlined,
  DownOutlined,
  IdcardOutlined,
  LockOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLanguage, type Language, languages, setLanguage } from '../i18n/index.js';
import { useIsPhone } from '../shared/responsive.js';
import { useRoleLabels } from '../shared/roles.js';
import { useLogout, useMe } from '../shared/session.js';

export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const roles = useRoleLabels();
  const { data: me } = useMe();
  const logout = useLogout();
  if (!me) return null;

  const language = currentLanguage();
  const languageLabel = (l: Language) => (l === 'en' ? t('language.en') : t('language.zhCN'));
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div>
          <Typography.Text strong>{me.user.displayName}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{roles.label(me.user.role)}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'workbench', icon: <IdcardOutlined />, label: t('workbench.title') },
    { key: 'account', icon: <LockOutlined />, label: t('account.menu') },
    { type: 'divider' },
    {
      type: 'group',
      label: t('language.label'),
      children: languages.map((l) => ({
        key: `language:${l}`,
        label: languageLabel(l),
        icon: l === language ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
      })),
    },
    ...(me.user.role === 'admin'
      ? [
          { type: 'divider' as const },
          {
            key: 'api',
            icon: <ApiOutlined />,
            label: (
              <a href="/api/docs" target="_blank" rel="noopener noreferrer">
                {t('shell.apiReference')}
              </a>
            ),
          },
        ]
      : []),
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'workbench') navigate('/workbench');
    if (key === 'account') navigate('/account');
    if (key.startsWith('language:')) void setLanguage(key.slice('language:'.length) as Language);
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSettled: () => {
          navigate('/login', { replace: true });
          void message.success(t('auth.loggedOut'));
        },
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" aria-label={t('shell.userMenu')} style={{ height: 'auto' }}>
        <UserOutlined />
        <span>{me.user.displayName}</span>
        {!isPhone && <Typography.Text type="secondary">{roles.label(me.user.role)}</Typography.Text>}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
