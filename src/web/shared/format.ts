import dayjs, { type Dayjs } from 'dayjs';

/** A timestamp as shown in tables: 2023-06-05 14:30 (local time); empty for null. */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  return dayjs(iso).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

/** A calendar date as sent in queries and shown in tables: 2023-06-05. */
export const dateFormat = 'YYYY-MM-DD';

/** A form's date field kept as 'YYYY-MM-DD', exactly as the contract and the URL take it. */
export const dateItemProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format(dateFormat) : undefined),
};
