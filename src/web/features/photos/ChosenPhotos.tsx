/**
 * Photos chosen on this device and not yet sent: taken with the camera or picked from the album
 * (several at once), shown as thumbnails, each removable until it goes.
 */
import { CameraOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Flex, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoGallery, type Shown } from './Thumbnail.js';

export interface ChosenPhoto {
  key: string;
  file: File;
  /** A local object URL for the thumbnail; revoked when the photo is removed or the list goes. */
  url: string;
}

/** A chosen photo as a gallery shows it. */
export const shownChosen = (c: ChosenPhoto): Shown => ({ key: c.key, src: c.url, alt: c.file.name });

/** At most this many photos go with one report. */
export const chosenMax = 9;

/** The chosen photos and how to change them; their object URLs are released with them. */
export function useChosenPhotos() {
  const [chosen, setChosen] = useState<ChosenPhoto[]>([]);
  const counter = useRef(0);
  const current = useRef(chosen);
  useEffect(() => {
    current.current = chosen;
  }, [chosen]);
  useEffect(
    () => () => {
      for (const c of current.current) URL.revokeObjectURL(c.url);
    },
    [],
  );

  const add = (file: File) => {
    counter.current += 1;
    const photo = { key: `chosen-${counter.current}`, file, url: URL.createObjectURL(file) };
    setChosen((prev) => {
      if (prev.length < chosenMax) return [...prev, photo];
      URL.revokeObjectURL(photo.url);
      return prev;
    });
  };
  const remove = (key: string) => {
    const gone = chosen.find((c) => c.key === key);
    if (gone) URL.revokeObjectURL(gone.url);
    setChosen((prev) => prev.filter((c) => c.key !== key));
  };
  const clear = () => {
    for (const c of chosen) URL.revokeObjectURL(c.url);
    setChosen([]);
  };
  return { chosen, add, remove, clear };
}

export type ChosenPhotos = ReturnType<typeof useChosenPhotos>;

/** Take a photo or pick several, and see (and drop) what is chosen. */
export function PhotoChooser({ photos, disabled }: { photos: ChosenPhotos; disabled?: boolean }) {
  const { t } = useTranslation();
  const full = photos.chosen.length >= chosenMax;
  const picker = (capture: boolean) => ({
    accept: 'image/*',
    showUploadList: false,
    disabled: disabled || full,
    ...(capture ? { capture: 'environment' as const } : { multiple: true }),
    beforeUpload: (file: File) => {
      photos.add(file);
      return false;
    },
  });
  return (
    <Flex vertical gap={8}>
      {photos.chosen.length > 0 && (
        <PhotoGallery
          photos={photos.chosen.map(shownChosen)}
          below={(key) => (
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              disabled={disabled}
              onClick={() => photos.remove(key)}
              aria-label={t('photos.unchoose')}
            />
          )}
        />
      )}
      <Flex gap={8} wrap>
        <Upload {...picker(true)}>
          <Button icon={<CameraOutlined />} disabled={disabled || full}>
            {t('photos.take')}
          </Button>
        </Upload>
        <Upload {...picker(false)}>
          <Button icon={<PictureOutlined />} disabled={disabled || full}>
            {t('photos.choose')}
          </Button>
        </Upload>
      </Flex>
    </Flex>
  );
}
