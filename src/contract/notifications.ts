import { z } from 'zod';
import { text } from './common.js';
import { endpoint } from './endpoint.js';

export const notificationKinds = ['assignment', 'due_soon', 'overdue', 'status_change', 'escalated'] as const;

export const Notification = z.object({
  id: text(),
  kind: z.enum(notificationKinds),
  title: text(),
  link: text().nullable(),
  /** The project (its compound and year) the notification is about, when it is about one. */
  project: z.object({ id: text(), compoundName: text(), year: z.number().int() }).nullable(),
  createdAt: text(),
  read: z.boolean(),
});

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export const MarkReadBody = z.strictObject({
  ids: z.array(z.uuid()).max(200).optional(),
  all: z.boolean().optional(),
});

/** The notifications area's endpoints; `api.ts` assembles every area's list. */
export const notificationsEndpoints = {
  notifications: endpoint({
    method: 'GET',
    path: '/api/notifications',
    summary: 'The caller’s notifications, newest first',
    tag: 'notifications',
    response: NotificationList,
  }),
  markNotificationsRead: endpoint({
    method: 'POST',
    path: '/api/notifications/read',
    summary: 'Mark notifications read',
    tag: 'notifications',
    body: MarkReadBody,
    response: NotificationList,
  }),
} as const;
