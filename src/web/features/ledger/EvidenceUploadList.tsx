/** The evidence photos of a saved report as they go out: each one's state, and a retry for a failed one. */
import { CheckCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ChosenPhoto, shownChosen } from '../photos/ChosenPhotos.js';
import { PhotoGallery } from '../photos/Thumbnail.js';
import type { EvidenceUploads } from './evidenceUploads.js';

export function EvidenceUploadList({ photos, uploads }: { photos: ChosenPhoto[]; uploads: EvidenceUploads }) {
  const { t } = useTranslation();
  const failed = photos.flatMap((p) => {
    const s = uploads.states[p.key];
    return s?.state === 'failed' ? [{ photo: p, message: s.message }] : [];
  });
  const sent = photos.filter((p) => uploads.states[p.key]?.state === 'sent').length;

  const stateOf = (key: string) => {
    const s = uploads.states[key];
    const photo = photos.find((p) => p.key === key);
    if (!s || !photo) return null;
    switch (s.state) {
      case 'waiting':
        return (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('photos.waiting')}
          </Typography.Text>
        );
      case 'sending':
        return <Progress percent={s.percent} size="small" style={{ width: 96, margin: 0 }} />;
      case 'sent':
        return (
          <Typography.Text type="success" style={{ fontSize: 12 }} data-testid="evidence-sent">
            <CheckCircleFilled /> {t('photos.uploaded')}
          </Typography.Text>
        );
      case 'failed':
        return (
          <Button
            size="small"
            danger
            icon={<ReloadOutlined />}
            onClick={() => uploads.retry(photo)}
            aria-label={t('photos.retryNamed', { name: photo.file.name })}
          >
            {t('photos.retry')}
          </Button>
        );
    }
  };

  return (
    <Flex vertical gap={8} style={{ textAlign: 'start' }} data-testid="evidence-uploads">
      <Typography.Text type="secondary">
        {t('photos.uploadedCount', { sent, total: photos.length })}
      </Typography.Text>
      <PhotoGallery photos={photos.map(shownChosen)} below={stateOf} />
      {failed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('photos.uploadFailed')}
          description={
            <Flex vertical>
              {failed.map(({ photo, message }) => (
                <span key={photo.key}>{t('photos.failedOne', { name: photo.file.name, message })}</span>
              ))}
            </Flex>
          }
          data-testid="evidence-failed"
        />
      )}
    </Flex>
  );
}
