/**
 * Site photos of one renovation item: thumbnails that open full size, and for those who may
 * edit, a camera/file button (photos shrink in the browser first) and removal.
 */
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Image, Popconfirm, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../../contract/api.js';
import type { Photo } from '../../../contract/projects.js';
import { call, downloadUrl, upload } from '../../shared/api.js';
import { useErrorReporter } from '../../shared/errors.js';
import { shrinkPhoto } from './shrink.js';

interface Props {
  projectId: string;
  catalogueCode: string;
  photos: z.infer<typeof Photo>[];
  canEdit: boolean;
  /** Called after a photo is added or removed (the project is read again). */
  onChanged: () => void;
}

const photoUrl = (id: string) => downloadUrl(api.getPhoto, { params: { id } });

export function ItemPhotos({ projectId, catalogueCode, photos, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const report = useErrorReporter();
  const [sent, setSent] = useState<number | null>(null);
  const add = useMutation({
    mutationFn: async (file: File) => {
      const blob = await shrinkPhoto(file);
      setSent(0);
      return upload(api.uploadPhoto, {
        params: { id: projectId, code: catalogueCode },
        query: { fileName: file.name },
        file: blob,
        onProgress: (done, total) => setSent(Math.round((done / total) * 100)),
      });
    },
    onSettled: () => setSent(null),
    onSuccess: onChanged,
    onError: (error) => report(error),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(api.deletePhoto, { params: { id } }),
    onSuccess: onChanged,
    onError: (error) => report(error),
  });

  return (
    <Flex vertical gap={8}>
      {photos.length > 0 ? (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {photos.map((p) => (
              <Flex key={p.id} vertical align="center" gap={2}>
                <Image
                  src={photoUrl(p.id)}
                  alt={p.fileName}
                  width={96}
                  height={72}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                />
                {canEdit && (
                  <Popconfirm
                    title={t('photos.removeConfirm')}
                    okText={t('photos.remove')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove.mutate(p.id)}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('photos.remove')}
                    />
                  </Popconfirm>
                )}
              </Flex>
            ))}
          </Flex>
        </Image.PreviewGroup>
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
