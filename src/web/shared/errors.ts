/** One way to tell the user what went wrong with a call, on the form fields when the server named them. */
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.js';
import { ApiError, isSessionError } from './api.js';

export interface ErrorReportOptions {
  /** The form whose items should show the server's per-field messages. */
  form?: FormInstance;
  /** The names of the fields that form has; messages for other fields go into the general message. */
  fields?: readonly string[];
  /** Called on 409 CONFLICT (someone else changed the record) after the user has been told; reload here. */
  onConflict?: () => void;
  /**
   * Where a server field path (`decisions.1.deadline`) lives in the form, for forms with lists;
   * null when it has no place there. Without it a path goes to its first segment's field.
   */
  mapPath?: (path: string) => (string | number)[] | null;
}

/** A function reporting an error from a call: field messages on the form, otherwise a message toast. */
export function useErrorReporter() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return (error: unknown, options: ErrorReportOptions = {}) => {
    // A lost session is handled once, globally, by sending the user to the login page.
    if (isSessionError(error)) return;
    if (!(error instanceof ApiError)) {
      console.error(error);
      void message.error(t('errors.client'));
      return;
    }
    if (error.code === 'CONFLICT') {
      void message.warning(t('errors.conflict'));
      options.onConflict?.();
      return;
    }
    const { form, fields: known = [], mapPath } = options;
    const unplaced: string[] = [];
    if (error.fields && form) {
      const placed = Object.entries(error.fields).flatMap(
        ([path, text]): { name: string | (string | number)[]; errors: string[] }[] => {
          if (mapPath) {
            const name = mapPath(path);
            if (name) return [{ name, errors: [text] }];
            unplaced.push(`${path}: ${text}`);
            return [];
          }
          const name = path.split('.')[0] ?? path;
          if (known.includes(name)) return [{ name, errors: [text] }];
          unplaced.push(`${path}: ${text}`);
          return [];
        },
      );
      form.setFields(placed);
      if (placed.length > 0 && unplaced.length === 0) return;
    }
    void message.error(
      unplaced.length > 0 ? unplaced.join(currentLanguage() === 'en' ? '; ' : '；') : error.message,
    );
  };
}
