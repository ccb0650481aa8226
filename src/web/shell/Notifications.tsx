/**
 * The header's bell: the user's unread notifications (assignments, items falling due or overdue,
 * status changes), polled every minute. A click opens what it is about and marks it read.
 */
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, Flex, Popover, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { api } from '../../contract/api.js';
import type { Notification, notificationKinds } from '../../contract/notifications.js';
import { call } from '../shared/api.js';
import { formatDateTime } from '../shared/format.js';
import { useIsPhone } from '../shared/responsive.js';

type Item = z.infer<typeof Notification>;
type Kind = (typeof notificationKinds)[number];

const notificationsKey = ['notifications'] as const;
const kindColour: Record<Kind, string> = {
  assignment: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  status_change: 'green',
  escalated: 'magenta',
};

function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => call(api.notifications, { signal }),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    retry: false,
  });
}

function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => call(api.markNotificationsRead, { body }),
    onSuccess: (list) => queryClient.setQueryData(notificationsKey, list),
  });
}

function List({ items, onOpen }: { items: Item[]; onOpen: (item: Item) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />;
  }
  return (
    <ul data-testid="notification-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            onClick={() => onOpen(item)}
            style={{
              all: 'unset',
              cursor: 'pointer',
              display: 'block',
              width: '100%',
              boxSizing: 'border-box',
              padding: '10px 12px',
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
              background: item.read ? undefined : token.colorPrimaryBg,
            }}
          >
            <Flex vertical gap={2}>
              <Flex gap={6} align="center">
                <Tag color={kindColour[item.kind]} style={{ marginInlineEnd: 0 }}>
                  {t(`notifications.kinds.${item.kind}`)}
                </Tag>
                {!item.read && <Badge status="processing" aria-label={t('notifications.unreadOne')} />}
              </Flex>
              <Typography.Text strong={!item.read}>{item.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(item.createdAt)}
              </Typography.Text>
            </Flex>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function Notifications() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const list = useNotifications();
  const mark = useMarkRead();
  const [open, setOpen] = useState(false);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const onOpen = (item: Item) => {
    if (!item.read) mark.mutate({ ids: [item.id] });
    setOpen(false);
    if (item.link?.startsWith('/')) navigate(item.link);
  };
  const header = (
    <Flex justify="space-between" align="center" gap={12}>
      <span>{t('notifications.title')}</span>
      <Button
        size="small"
        type="link"
        disabled={unread === 0}
        loading={mark.isPending}
        onClick={() => mark.mutate({ all: true })}
      >
        {t('notifications.markAll')}
      </Button>
    </Flex>
  );
  const content = list.isError ? (
    <Typography.Text type="secondary">{t('notifications.unavailable')}</Typography.Text>
  ) : (
    <List items={items} onOpen={onOpen} />
  );
  const bell = (
    <Button
      type="text"
      size="large"
      aria-label={t('notifications.bell', { count: unread })}
      data-testid="notifications"
      onClick={isPhone ? () => setOpen(true) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );
  if (isPhone) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size="100%"
          title={header}
          styles={{ body: { padding: 0 } }}
        >
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={header}
      content={
        <div style={{ width: 360, maxHeight: 480, overflowY: 'auto', marginInline: -12 }}>{content}</div>
      }
    >
      {bell}
    </Popover>
  );
}
