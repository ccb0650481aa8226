/** New password and its confirmation, with the same limits the server applies. */
import { Alert, Button, Checkbox, Form, type FormInstance, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordMaxLength, passwordMinLength } from '../../../domain/password-limits.js';

/**
 * The new password and its confirmation. `name` is the new password's field (an admin sets
 * `password`, a user changing their own `newPassword`); the labels default to the admin's words.
 */
export function PasswordFields({
  name = 'password',
  label,
  confirmLabel,
}: {
  name?: string;
  label?: string;
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={label ?? t('users.password')}
        extra={t('users.passwordHelp', { min: passwordMinLength })}
        rules={[{ required: true }, { min: passwordMinLength }, { max: passwordMaxLength }]}
        validateFirst
      >
        <Input.Password autoComplete="new-password" maxLength={passwordMaxLength} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={confirmLabel ?? t('users.passwordConfirm')}
        dependencies={[name]}
        validateFirst
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue(name) === value
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

// No look-alike characters (0/O, 1/l/I), so it can be read out or copied from paper.
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random 16-character password (about 93 bits), well inside the policy. */
export function generatedPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * "Generate a password": fills both fields, shows it once to hand over, and requires the
 * user to set their own at first login (the box stays for the admin to decide otherwise).
 */
export function GeneratePassword<T extends object>({ form }: { form: FormInstance<T> }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  const generate = () => {
    const password = generatedPassword();
    (form as FormInstance).setFieldsValue({ password, confirm: password, mustChangePassword: true });
    void (form as FormInstance).validateFields(['password', 'confirm']);
    setShown(password);
  };
  return (
    <>
      <Form.Item>
        <Button onClick={generate}>{t('users.generatePassword')}</Button>
      </Form.Item>
      {shown && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('users.generatedPassword')}{' '}
              <Typography.Text code copyable data-testid="generated-password">
                {shown}
              </Typography.Text>
            </span>
          }
        />
      )}
      <Form.Item name="mustChangePassword" valuePropName="checked">
        <Checkbox>{t('users.mustChangePassword')}</Checkbox>
      </Form.Item>
    </>
  );
}
