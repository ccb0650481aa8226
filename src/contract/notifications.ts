import { z } from 'zod';
import { text } from './common.js';

export const notificationKinds = ['assignment', 'due_soon', 'overdue', 'status_change', 'escalated'] as const;

export const Notification = z.object({
  id: text(),
  kind: z.enum(notificationKinds),
  title: text(),
  link: text().nullable(),
  createdAt: text(),
  read: z.boolean(),
});

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export const MarkReadBody = z.strictObject({
  ids: z.array(z.uuid()).max(200).optional(),
  all: z.boolean().optional(),
});
