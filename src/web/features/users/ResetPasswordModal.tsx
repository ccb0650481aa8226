/** Set a new password for a user (ends their sessions); sent with the version last seen. */
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorReporter } from '../../shared/errors.js';
import { useIsPhone } from '../../shared/responsive.js';
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
  const report = useErrorReporter();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<ResetValues>();
  const user = useUser(target?.id ?? null);
  const reset = useResetPassword();

  const onFinish = ({ password }: ResetValues) => {
    if (!target || !user.data) return;
    reset.mutate(
      { id: target.id, version: user.data.version, password },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset', { username: target.username }));
          onClose();
        },
        onError: (error) =>
          report(error, { form, fields: ['password'], onConflict: () => void user.refetch() }),
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={t('users.resetPasswordTitle', { username: target?.username ?? '' })}
      okText={t('users.resetPassword')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      okButtonProps={{ disabled: !user.data }}
      destroyOnHidden
      width={isPhone ? '100%' : 480}
    >
      <Alert type="warning" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
      {user.isError && (
        <Alert type="error" showIcon title={user.error.message} style={{ marginBottom: 16 }} />
      )}
      <Form name="resetPassword" form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <PasswordFields />
      </Form>
    </Modal>
  );
}
