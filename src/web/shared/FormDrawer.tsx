/**
 * An add or edit form in a drawer (or, for a short one, a modal): full width on a phone, Save and
 * Cancel at the foot. It sends the form through `submit`, shows Save as busy meanwhile, puts a
 * 400's messages on the fields it names (the rest in one message) and closes once saved.
 */
import { Button, Drawer, Form, type FormInstance, type FormProps, Modal, Space, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorReportOptions, useErrorReporter } from './errors.js';
import { useIsPhone } from './responsive.js';

export interface FormDrawerProps<V extends object, R> {
  open: boolean;
  title: ReactNode;
  /** Unique on the page: the form's name, which prefixes the field ids labels point to. */
  name: string;
  form: FormInstance<V>;
  /** What the form holds each time it opens (the edited record's values, or defaults). */
  initialValues?: FormProps<V>['initialValues'];
  /** The form's field names: a 400 naming one of them shows on that field. */
  fields: readonly string[];
  /** Sends the checked values (a mutation's `mutateAsync`); the form closes once it resolves. */
  submit: (values: V) => Promise<R>;
  /** After a save, before the form closes: say so, go where the new record is. */
  onSaved?: (saved: R) => void;
  onClose: () => void;
  /** 409 (someone else saved first), after the general "reloaded for you" message: load their version. */
  onConflict?: () => void;
  /** A failure the form answers itself (a notice of its own, errors placed its own way); true when handled. */
  onError?: (error: unknown) => boolean;
  /** The record is still loading: the fields spin and Save stays off. */
  loading?: boolean;
  width?: number;
  /** Shown above the fields: a hint, a notice. */
  notice?: ReactNode;
  onValuesChange?: FormProps<V>['onValuesChange'];
  /** The form's fields. */
  children: ReactNode;
}

/** Sends a form: Save's busy state, and the answer to a failure (on the fields, or one message). */
function useFormSubmit<V extends object, R>(props: FormDrawerProps<V, R>) {
  const report = useErrorReporter();
  const [saving, setSaving] = useState(false);
  const onFinish = async (values: V) => {
    setSaving(true);
    try {
      const saved = await props.submit(values);
      props.onSaved?.(saved);
      props.onClose();
    } catch (error) {
      if (props.onError?.(error)) return;
      const { form, fields, onConflict } = props;
      const options: ErrorReportOptions = { form, fields, ...(onConflict ? { onConflict } : {}) };
      report(error, options);
    } finally {
      setSaving(false);
    }
  };
  const body = (
    <>
      {props.notice}
      <Spin spinning={props.loading ?? false}>
        <Form<V>
          name={props.name}
          form={props.form}
          layout="vertical"
          initialValues={props.initialValues}
          onFinish={(values) => void onFinish(values)}
          onValuesChange={props.onValuesChange}
          preserve={false}
          scrollToFirstError
        >
          {props.children}
        </Form>
      </Spin>
    </>
  );
  return { saving, body };
}

export function FormDrawer<V extends object, R>(props: FormDrawerProps<V, R>) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { saving, body } = useFormSubmit(props);
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={isPhone ? '100%' : (props.width ?? 520)}
      destroyOnHidden
      title={props.title}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            disabled={props.loading}
            onClick={() => props.form.submit()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {body}
    </Drawer>
  );
}

/** The same form in a modal, for a few fields started from a list (a new project, a password). */
export function FormModal<V extends object, R>(props: FormDrawerProps<V, R> & { okText?: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { saving, body } = useFormSubmit(props);
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => props.form.submit()}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: props.loading }}
      destroyOnHidden
      width={isPhone ? '100%' : (props.width ?? 520)}
    >
      {body}
    </Modal>
  );
}
