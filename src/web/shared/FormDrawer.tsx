/**
 * An add or edit form in a drawer: full width on a phone, Save and Cancel at the foot. The drawer
 * sends the form through `submit`, shows Save as busy meanwhile, puts a 400's messages on the
 * fields it names (the rest in one message) and closes once saved.
 */
import { Button, Drawer, Form, type FormInstance, type FormProps, Space, Spin } from 'antd';
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
  /** What the form holds each time the drawer opens (the edited record's values, or defaults). */
  initialValues?: FormProps<V>['initialValues'];
  /** The form's field names: a 400 naming one of them shows on that field. */
  fields: readonly string[];
  /** Sends the checked values (a mutation's `mutateAsync`); the drawer closes once it resolves. */
  submit: (values: V) => Promise<R>;
  /** After a save, before the drawer closes: say so, pick up what the server answered. */
  onSaved?: (saved: R) => void;
  onClose: () => void;
  /** 409 (someone else saved first), after the general "reloaded for you" message: load their version. */
  onConflict?: () => void;
  /** A failure the drawer answers itself (a notice of its own); true when handled. */
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

export function FormDrawer<V extends object, R>(props: FormDrawerProps<V, R>) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const report = useErrorReporter();
  const [saving, setSaving] = useState(false);
  const { form, fields, onConflict } = props;

  const onFinish = async (values: V) => {
    setSaving(true);
    try {
      const saved = await props.submit(values);
      props.onSaved?.(saved);
      props.onClose();
    } catch (error) {
      if (props.onError?.(error)) return;
      const options: ErrorReportOptions = { form, fields, ...(onConflict ? { onConflict } : {}) };
      report(error, options);
    } finally {
      setSaving(false);
    }
  };

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
          <Button type="primary" loading={saving} disabled={props.loading} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {props.notice}
      <Spin spinning={props.loading ?? false}>
        <Form<V>
          name={props.name}
          form={form}
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
    </Drawer>
  );
}
