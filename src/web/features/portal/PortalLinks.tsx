/** Staff buttons to the public portal: a compound's QR poster and public page, a region's posters. */
import { FilePdfOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { portalEndpoints } from '../../../contract/portal.js';
import { downloadUrl } from '../../shared/api.js';

export function CompoundPortalLinks({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap>
      <Button
        size="small"
        href={downloadUrl(portalEndpoints.compoundPoster, { params: { id: compoundId } })}
        download
        icon={<FilePdfOutlined />}
      >
        {t('portal.poster')}
      </Button>
      <Button size="small" href={`/p/c/${compoundId}`} target="_blank" icon={<GlobalOutlined />}>
        {t('portal.publicPage')}
      </Button>
    </Flex>
  );
}

export function RegionPostersButton({ regionCode }: { regionCode: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('portal.postersHint')}>
      <Button
        size="small"
        href={downloadUrl(portalEndpoints.regionPosters, { params: { code: regionCode } })}
        download
        icon={<FilePdfOutlined />}
      >
        {t('portal.posters')}
      </Button>
    </Tooltip>
  );
}
