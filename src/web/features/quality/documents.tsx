/**
 * Attached documents (a sample's lab report, the tender's documents): each a download link under
 * its name, and for those who may attach one, a button that takes a PDF or a photo from the phone.
 */
import { FileImageOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualityFile } from '../../../contract/quality.js';
import { useErrorReporter } from '../../shared/errors.js';
import { formatBytes } from '../../shared/numbers.js';
import { photoUrl } from '../photos/Thumbnail.js';
import { sendDocument, useReloadQuality } from './queries.js';

/** The documents, one link each (downloaded under its name). */
export function Documents({ files }: { files: QualityFile[] }) {
  if (files.length === 0) return null;
  return (
    <Flex vertical gap={2}>
      {files.map((f) => (
        <Typography.Link
          key={f.id}
          href={photoUrl(f.id)}
          download={f.fileName}
          data-testid="document"
          style={{ wordBreak: 'break-all' }}
        >
          {f.contentType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />} {f.fileName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatBytes(f.size)}
          </Typography.Text>
        </Typography.Link>
      ))}
    </Flex>
  );
}

/** A button that attaches one document (a PDF or a photo) to a sample or to the tender. */
export function AttachDocument({
  projectId,
  kind,
  id,
  label,
}: {
  projectId: string;
  kind: 'sample' | 'tender';
  id: string;
  label: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const reload = useReloadQuality(projectId);
  const [percent, setPercent] = useState<number | null>(null);
  const send = useMutation({
    mutationFn: (file: File) =>
      sendDocument(kind, id, file, (sent, total) =>
        setPercent(total > 0 ? Math.round((sent / total) * 100) : 0),
      ),
    onSettled: () => setPercent(null),
    onSuccess: async () => {
      await reload();
      void message.success(t('quality.documentSent'));
    },
    onError: (error) => report(error),
  });
  return (
    <Flex align="center" gap={8} wrap>
      <Upload
        accept="application/pdf,.pdf,image/jpeg,image/png,image/webp"
        showUploadList={false}
        beforeUpload={(file) => {
          send.mutate(file);
          return false;
        }}
      >
        <Button
          size="small"
          icon={<PaperClipOutlined />}
          loading={send.isPending}
          title={t('quality.documentHelp')}
        >
          {label}
        </Button>
      </Upload>
      {percent !== null && <Progress percent={percent} size="small" style={{ width: 100 }} />}
    </Flex>
  );
}
