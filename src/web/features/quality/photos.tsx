/** A quality record's photos: thumbnails that open full size, each with the time the camera took it. */
import type { QualityOverview } from '../../../contract/quality.js';
import { formatDateTime } from '../../shared/format.js';
import { PhotoGallery, photoUrl } from '../photos/Thumbnail.js';

type QualityPhoto = QualityOverview['inspections'][number]['photos'][number];

export function QualityPhotos({ photos }: { photos: QualityPhoto[] }) {
  if (photos.length === 0) return null;
  const byId = new Map(photos.map((p) => [p.id, p]));
  return (
    <PhotoGallery
      photos={photos.map((p) => ({ key: p.id, src: photoUrl(p.id), alt: p.fileName }))}
      below={(id) => (
        <span style={{ fontSize: 11, color: 'rgba(0,0,0,0.45)' }}>
          {formatDateTime(byId.get(id)?.takenAt ?? byId.get(id)?.createdAt)}
        </span>
      )}
    />
  );
}
