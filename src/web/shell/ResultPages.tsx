/** Full-page outcomes with a next step: 403, 404 and an unexpected crash. */
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

function BackHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('pages.forbiddenTitle')}
      subTitle={t('pages.forbidden')}
      extra={<BackHome />}
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('pages.notFoundTitle')}
      subTitle={t('pages.notFound')}
      extra={<BackHome />}
    />
  );
}

export function CrashPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="500"
      title={t('pages.crashedTitle')}
      subTitle={t('pages.crashed')}
      extra={
        <Button type="primary" href="/">
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
