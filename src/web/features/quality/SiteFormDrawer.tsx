/**
 * A field form of the quality page (inspection, concealed works, ticket evidence), built for a
 * phone on site: full-screen, photos from the camera, and its draft kept through a dropped
 * connection with a plain "saved / not saved (will retry)" at the top.
 */
import { Alert, Flex, Form } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../shared/FormDrawer.js';
import { chosenMax, PhotoChooser } from '../photos/ChosenPhotos.js';
import type { DraftSend, SiteDraft } from './drafts.js';
import { DraftTag } from './labels.js';

export interface SiteFormDrawerProps<V extends object> {
  draft: SiteDraft<V>;
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  name: string;
  fields: readonly string[];
  defaults: V;
  /** Sends the record and its photos; the draft goes once it resolves. */
  send: (s: DraftSend<V>) => Promise<unknown>;
  /** Photos with this form (off for a form that has none). */
  photos?: boolean;
  onSaved?: () => void;
  children: ReactNode;
}

export function SiteFormDrawer<V extends object>(props: SiteFormDrawerProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const { draft, open, onClose } = props;
  // A retry that got through while the form was still open: done, as a first save would be.
  const openNow = useRef({ open, onClose });
  openNow.current = { open, onClose };
  useEffect(() => {
    if (draft.state === 'saved' && openNow.current.open) openNow.current.onClose();
  }, [draft.state]);
  return (
    <FormDrawer<V, unknown>
      open={props.open}
      onClose={props.onClose}
      name={props.name}
      form={form}
      fields={props.fields}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{props.title}</span>
          <DraftTag state={draft.state} />
        </Flex>
      }
      initialValues={draft.initial(props.defaults)}
      onValuesChange={(_, all) => draft.change(all)}
      submit={(values) => draft.submit(values, props.send)}
      {...(props.onSaved ? { onSaved: props.onSaved } : {})}
      notice={
        draft.state === 'retrying' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('quality.draft.retryingLong')}
            description={draft.error}
          />
        ) : null
      }
    >
      {props.children}
      {props.photos !== false && (
        <Form.Item label={t('quality.photos')} extra={t('quality.photosHelp', { max: chosenMax })}>
          <PhotoChooser photos={draft.photos} disabled={draft.state === 'sending'} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
