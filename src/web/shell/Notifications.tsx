/**
 * The header's bell: the user's unread notifications (assignments, items falling due or overdue,
 * status changes), polled every minute, each naming the project it is about. Opening the list
 * marks what it shows as read (the badge clears; they stay highlighted while the list is open);
 * a click opens what one is about.
 */
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, Flex, Popover, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { Notification, notificationKinds } from '../../contract/notifications.js';
import { notificationsEndpoints } from '../../contract/notifications.js';
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
    queryFn: ({ signal }) => call(notificationsEndpoints.notifications, { signal }),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    retry: false,
  });
}

function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      call(notificationsEndpoints.markNotificationsRead, { body }),
    onSuccess: (list) => queryClient.setQueryData(notificationsKey, list),
  });
}

function List({
  items,
  fresh,
  onOpen,
}: {
  items: Item[];
  /** Unread when the list was opened: still shown as new. */
  fresh: ReadonlySet<string>;
  onOpen: (item: Item) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />;
  }
  return (
    <ul data-testid="notification-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => {
        const unread = !item.read || fresh.has(item.id);
        return (
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
                background: unread ? token.colorPrimaryBg : undefined,
              }}
            >
              <Flex vertical gap={2}>
                <Flex gap={6} align="center">
                  <Tag color={kindColour[item.kind]} style={{ marginInlineEnd: 0 }}>
                    {t(`notifications.kinds.${item.kind}`)}
                  </Tag>
                  {unread && <Badge status="processing" aria-label={t('notifications.unreadOne')} />}
                </Flex>
                {item.project && (
                  <Typography.Text type="secondary" data-testid="notification-project">
                    {t('notifications.project', {
                      compound: item.project.compoundName,
                      year: item.project.year,
                    })}
                  </Typography.Text>
                )}
                <Typography.Text strong={unread}>{item.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(item.createdAt)}
                </Typography.Text>
              </Flex>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function Notifications() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const list = useNotifications();
  const mark = useMarkRead();
  const [open, setOpenState] = useState(false);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  /** Opening the list marks what it shows as read; those stay highlighted until it closes. */
  const setOpen = (next: boolean) => {
    setOpenState(next);
    if (!next) return setFresh(new Set());
    const shown = items.filter((i) => !i.read).map((i) => i.id);
    setFresh(new Set(shown));
    if (shown.length > 0) mark.mutate({ ids: shown });
  };
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
    <List items={items} fresh={fresh} onOpen={onOpen} />
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
