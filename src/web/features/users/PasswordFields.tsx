/** New password and its confirmation, with the same limits the server applies. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordMaxLength, passwordMinLength } from '../../../domain/password-limits.js';

export function PasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="password"
        label={t('users.password')}
        extra={t('users.passwordHelp', { min: passwordMinLength })}
        rules={[{ required: true }, { min: passwordMinLength }, { max: passwordMaxLength }]}
        validateFirst
      >
        <Input.Password autoComplete="new-password" maxLength={passwordMaxLength} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('users.passwordConfirm')}
        dependencies={['password']}
        validateFirst
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('password') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('users.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={passwordMaxLength} />
      </Form.Item>
    </>
  );
}
