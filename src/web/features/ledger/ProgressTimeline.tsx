/** Every progress report on an item, newest first: what was done, by whom and when, and what shows it. */
import { Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerItemDetail } from '../../../contract/ledger.js';
import { formatDateTime } from '../../shared/format.js';
import { PhotoGallery, shownPhoto } from '../photos/Thumbnail.js';

type Entry = LedgerItemDetail['progress'][number];

function Report({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} data-testid="progress-entry">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[formatDateTime(entry.at), entry.by].filter(Boolean).join(' · ')}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{entry.note}</Typography.Paragraph>
      {entry.evidence && (
        <Typography.Text type="secondary">
          {t('ledger.evidenceText', { text: entry.evidence })}
        </Typography.Text>
      )}
      {entry.photos.length > 0 && <PhotoGallery photos={entry.photos.map(shownPhoto)} />}
    </Flex>
  );
}

export function ProgressTimeline({ progress }: { progress: Entry[] }) {
  const { t } = useTranslation();
  if (progress.length === 0)
    return <Typography.Text type="secondary">{t('ledger.noProgress')}</Typography.Text>;
  return (
    <Timeline
      items={progress.map((entry, i) => ({
        key: entry.id,
        color: i === 0 ? 'blue' : 'gray',
        content: <Report entry={entry} />,
      }))}
    />
  );
}
