/** Set a new password for a user (ends their sessions); sent with the version last seen. */
import { Alert, App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../shared/FormDrawer.js';
import { PasswordFields } from './PasswordFields.js';
import { useResetPassword, useUser } from './queries.js';

interface ResetValues {
  password: string;
  confirm: string;
}

export function ResetPasswordModal({
  target,
  onClose,
}: {
  target: { id: string; username: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const user = useUser(target?.id ?? null);
  const reset = useResetPassword();

  const submit = ({ password }: ResetValues) =>
    target && user.data
      ? reset.mutateAsync({ id: target.id, version: user.data.version, password })
      : Promise.reject(new Error('the user is not loaded yet'));

  return (
    <FormModal
      open={target !== null}
      name="resetPassword"
      form={form}
      fields={['password']}
      width={480}
      submit={submit}
      onSaved={() => void message.success(t('users.passwordReset', { username: target?.username ?? '' }))}
      onConflict={() => void user.refetch()}
      onClose={onClose}
      loading={!user.data}
      notice={
        <>
          <Alert type="warning" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
          {user.isError && (
            <Alert type="error" showIcon title={user.error.message} style={{ marginBottom: 16 }} />
          )}
        </>
      }
      title={t('users.resetPasswordTitle', { username: target?.username ?? '' })}
      okText={t('users.resetPassword')}
    >
      <PasswordFields />
    </FormModal>
  );
}
