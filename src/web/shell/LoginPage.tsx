/** Username and password; the server's own message explains a refusal (wrong password, locked, too many tries). */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { limits } from '../../contract/common.js';
import { passwordMaxLength } from '../../domain/password-limits.js';
import { ApiError } from '../shared/api.js';
import { useLogin, useMe } from '../shared/session.js';
import { FullPageSpin, safeNext } from './guards.js';
import { LanguageSwitch } from './LanguageSwitch.js';

interface LoginValues {
  username: string;
  password: string;
}

const loginFields: readonly (keyof LoginValues)[] = ['username', 'password'];
const isLoginField = (name: string): name is keyof LoginValues =>
  loginFields.includes(name as keyof LoginValues);

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [failure, setFailure] = useState<string | null>(null);
  const next = safeNext(searchParams.get('next'));

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const onFinish = (values: LoginValues) => {
    setFailure(null);
    login.mutate(values, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: (error) => {
        if (error instanceof ApiError && error.fields) {
          form.setFields(
            Object.entries(error.fields).flatMap(([name, text]) =>
              isLoginField(name) ? [{ name, errors: [text] }] : [],
            ),
          );
        }
        setFailure(error.message);
      },
    });
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="start" gap={8} wrap>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          {t('auth.title')}
        </Typography.Title>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <Form
          name="login"
          form={form}
          layout="vertical"
          size="large"
          onFinish={onFinish}
          requiredMark={false}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              maxLength={limits.username.max}
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              maxLength={passwordMaxLength}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
