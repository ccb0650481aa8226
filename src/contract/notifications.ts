import { z } from 'zod';

export const notificationKinds = ['assignment', 'due_soon', 'overdue', 'status_change', 'escalated'] as const;

export const Notification = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export const MarkReadBody = z.strictObject({
  ids: z.array(z.uuid()).max(200).optional(),
  all: z.boolean().optional(),
});
