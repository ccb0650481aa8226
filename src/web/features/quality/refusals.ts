/** Telling the user why the server refused a one-click action (verify, cover, remove): its reasons, not a generic "invalid". */
import { App } from 'antd';
import { ApiError } from '../../shared/api.js';
import { useErrorReporter } from '../../shared/errors.js';

export function useReportRefusal() {
  const report = useErrorReporter();
  const { message } = App.useApp();
  return (error: unknown) => {
    if (error instanceof ApiError && error.fields && error.code !== 'CONFLICT') {
      void message.error(Object.values(error.fields).join('；'));
      return;
    }
    report(error);
  };
}
