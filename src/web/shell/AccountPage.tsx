/**
 * 修改密码 / 登录设备: change one's own password, see where one is signed in, sign out
 * everywhere else. Until a password someone else chose is changed, the app shows only the form.
 */
import { LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, List, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { passwordMaxLength } from '../../domain/password-limits.js';
import { PasswordFields } from '../features/users/PasswordFields.js';
import { useErrorReporter } from '../shared/errors.js';
import { formatDateTime } from '../shared/format.js';
import {
  useChangePassword,
  useLogout,
  useMe,
  useOwnSessions,
  useRevokeOtherSessions,
} from '../shared/session.js';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function ChangePasswordForm({ forced }: { forced: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  const navigate = useNavigate();
  const onFinish = ({ currentPassword, newPassword }: PasswordValues) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('account.passwordChanged'));
          if (forced) navigate('/', { replace: true });
        },
        onError: (error) => report(error, { form, fields: ['currentPassword', 'newPassword'] }),
      },
    );
  return (
    <Card title={t('account.changePassword')} size="small">
      {forced && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('account.mustChange')} />
      )}
      <Form<PasswordValues> form={form} layout="vertical" name="changePassword" onFinish={onFinish}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" maxLength={passwordMaxLength} />
        </Form.Item>
        <PasswordFields
          name="newPassword"
          label={t('account.newPassword')}
          confirmLabel={t('account.confirmPassword')}
        />
        <Button type="primary" htmlType="submit" loading={change.isPending} block>
          {t('account.savePassword')}
        </Button>
      </Form>
    </Card>
  );
}

function SessionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const list = useOwnSessions(true);
  const revoke = useRevokeOtherSessions();
  const others = (list.data?.items ?? []).filter((s) => !s.current).length;
  return (
    <Card
      title={t('account.sessions')}
      size="small"
      extra={
        <Popconfirm
          title={t('account.signOutOthersConfirm')}
          onConfirm={() =>
            revoke.mutate(undefined, {
              onSuccess: ({ ended }) => void message.success(t('account.signedOutOthers', { count: ended })),
              onError: (error) => report(error),
            })
          }
          disabled={others === 0}
        >
          <Button icon={<LogoutOutlined />} disabled={others === 0} loading={revoke.isPending}>
            {t('account.signOutOthers')}
          </Button>
        </Popconfirm>
      }
    >
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        data-testid="own-sessions"
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Flex gap={8} wrap align="center">
                  <span style={{ wordBreak: 'break-word' }}>{s.userAgent ?? t('account.unknownDevice')}</span>
                  {s.current && <Tag color="green">{t('account.thisDevice')}</Tag>}
                </Flex>
              }
              description={
                <Typography.Text type="secondary">
                  {t('account.sessionLine', {
                    created: formatDateTime(s.createdAt, true),
                    seen: formatDateTime(s.lastSeenAt, true),
                    ip: s.ip ?? '—',
                  })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The page from the user menu: password and sessions, one column on phones. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <ChangePasswordForm forced={false} />
      <SessionsCard />
    </Flex>
  );
}

/** All a user sees until they replace a password someone else chose: the form, and a way out. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Flex justify="center" style={{ padding: 16, minHeight: '100vh', alignItems: 'flex-start' }}>
      <Flex vertical gap={16} style={{ width: '100%', maxWidth: 440, marginTop: '8vh' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('account.welcome', { name: me?.user.displayName ?? '' })}
        </Typography.Title>
        <ChangePasswordForm forced />
        <Button
          type="link"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          {t('auth.logout')}
        </Button>
      </Flex>
    </Flex>
  );
}
