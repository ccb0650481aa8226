/**
 * Site photos of one renovation item: thumbnails that open full size, and for those who may
 * edit, a camera/file button (photos shrink in the browser first) and removal.
 */
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Popconfirm, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { photosEndpoints } from '../../../contract/photos.js';
import { call, upload } from '../../shared/api.js';
import { useErrorReporter } from '../../shared/errors.js';
import { sendPhoto, uploadName } from './sendPhoto.js';
import { PhotoGallery, type StoredPhoto, shownPhoto } from './Thumbnail.js';

interface Props {
  projectId: string;
  catalogueCode: string;
  photos: StoredPhoto[];
  canEdit: boolean;
  /** Called after a photo is added or removed (the project is read again). */
  onChanged: () => void;
}

export function ItemPhotos({ projectId, catalogueCode, photos, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const report = useErrorReporter();
  const [sent, setSent] = useState<number | null>(null);
  const add = useMutation({
    mutationFn: (file: File) =>
      sendPhoto(
        file,
        (blob, onProgress) =>
          upload(photosEndpoints.uploadPhoto, {
            params: { id: projectId, code: catalogueCode },
            query: { fileName: uploadName(file) },
            file: blob,
            onProgress,
          }),
        setSent,
      ),
    onSettled: () => setSent(null),
    onSuccess: onChanged,
    onError: (error) => report(error),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(photosEndpoints.deletePhoto, { params: { id } }),
    onSuccess: onChanged,
    onError: (error) => report(error),
  });

  return (
    <Flex vertical gap={8}>
      {photos.length > 0 ? (
        <PhotoGallery
          photos={photos.map(shownPhoto)}
          below={(id) =>
            canEdit && (
              <Popconfirm
                title={t('photos.removeConfirm')}
                okText={t('photos.remove')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate(id)}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('photos.remove')}
                />
              </Popconfirm>
            )
          }
        />
      ) : (
        <Typography.Text type="secondary">{t('photos.none')}</Typography.Text>
      )}
      {canEdit && (
        <Flex align="center" gap={8}>
          <Upload
            accept="image/jpeg,image/png,image/webp,image/*"
            showUploadList={false}
            beforeUpload={(file) => {
              add.mutate(file);
              return false;
            }}
          >
            <Button icon={<CameraOutlined />} loading={add.isPending}>
              {t('photos.add')}
            </Button>
          </Upload>
          {sent !== null && <Progress percent={sent} size="small" style={{ width: 120 }} />}
        </Flex>
      )}
    </Flex>
  );
}
