/**
 * Photos as small thumbnails that open full size: a stored photo by its id, or a file chosen on
 * this device and not yet sent (shown from a local object URL).
 */
import { Flex, Image } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { Photo } from '../../../contract/photos.js';
import { photosEndpoints } from '../../../contract/photos.js';
import { downloadUrl } from '../../shared/api.js';

export type StoredPhoto = z.infer<typeof Photo>;

/** Where the server serves a stored photo. */
export const photoUrl = (id: string) => downloadUrl(photosEndpoints.getPhoto, { params: { id } });

/** One thumbnail, 96 × 72, cropped to fill; a click opens it full size (with its group, if any). */
export function Thumbnail({ src, alt }: { src: string; alt: string }) {
  return <Image src={src} alt={alt} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />;
}

/** A photo as a gallery shows it: a stable key, where the image is, and its name. */
export interface Shown {
  key: string;
  src: string;
  alt: string;
}

/** A stored photo as a gallery shows it (its key is its id). */
export const shownPhoto = (p: StoredPhoto): Shown => ({ key: p.id, src: photoUrl(p.id), alt: p.fileName });

/** Thumbnails side by side, previewed as one group; `below` adds something under each (a button, a state). */
export function PhotoGallery({ photos, below }: { photos: Shown[]; below?: (key: string) => ReactNode }) {
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8}>
        {photos.map((p) => (
          <Flex key={p.key} vertical align="center" gap={2} style={{ width: 96 }}>
            <Thumbnail src={p.src} alt={p.alt} />
            {below?.(p.key)}
          </Flex>
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
