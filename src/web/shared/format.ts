import dayjs from 'dayjs';

/** A timestamp as shown in tables: 2023-06-05 14:30 (local time); empty for null. */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  return dayjs(iso).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

/** A calendar date as sent in queries and shown in tables: 2023-06-05. */
export const dateFormat = 'YYYY-MM-DD';
