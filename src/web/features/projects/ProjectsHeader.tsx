/** The projects area's heading: its two views as tabs (each its own address) and the ways to start projects. */
import { AppstoreAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../../shared/session.js';
import { CreateBatchModal } from './CreateBatchModal.js';
import { CreateProjectModal } from './CreateProjectModal.js';

export function ProjectsHeader() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [creating, setCreating] = useState<'project' | 'batch' | null>(null);
  const close = () => setCreating(null);
  return (
    <div>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('projects.title')}
        </Typography.Title>
        {can('project.write') && (
          <Flex gap={8} wrap>
            <Button icon={<AppstoreAddOutlined />} onClick={() => setCreating('batch')}>
              {t('batches.create')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('project')}>
              {t('projects.create')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Tabs
        activeKey={pathname}
        items={[
          { key: '/projects', label: t('batches.tabProjects') },
          { key: '/projects/batches', label: t('batches.tabBatches') },
        ]}
        onChange={(key) => navigate(key)}
        style={{ marginBottom: -8 }}
        size="large"
      />
      <CreateProjectModal open={creating === 'project'} onClose={close} />
      <CreateBatchModal open={creating === 'batch'} onClose={close} />
    </div>
  );
}
