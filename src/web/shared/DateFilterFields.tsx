/** Date filters for a list (kept out of FilterForm, so lists without one load no date picker). */
import { DatePicker, Flex, Form } from 'antd';
import dayjs from 'dayjs';
import { FilterField } from './FilterForm.js';
import { dateItemProps } from './format.js';
import { useIsPhone } from './responsive.js';

/** One day ('YYYY-MM-DD' in the URL), in its own grid cell. */
export function DateFilterField({ name, label }: { name: string; label: string }) {
  const isPhone = useIsPhone();
  return (
    <FilterField>
      <Form.Item name={name} label={label} {...dateItemProps}>
        <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
      </Form.Item>
    </FilterField>
  );
}

/** From one day to another under one label; neither end may pass the other. */
export function DateRangeFilterField({
  label,
  from,
  to,
}: {
  label: string;
  /** Each end's field name and the words that name it (placeholder and accessible name). */
  from: { name: string; label: string };
  to: { name: string; label: string };
}) {
  const isPhone = useIsPhone();
  const form = Form.useFormInstance();
  const start = Form.useWatch<string | undefined>(from.name, form);
  const end = Form.useWatch<string | undefined>(to.name, form);
  return (
    <FilterField>
      <Form.Item label={label} style={{ marginBottom: 0 }}>
        <Flex gap={8}>
          <Form.Item name={from.name} {...dateItemProps} style={{ flex: 1 }}>
            <DatePicker
              placeholder={from.label}
              aria-label={from.label}
              style={{ width: '100%' }}
              disabledDate={(d) => Boolean(end && d.isAfter(dayjs(end), 'day'))}
              inputReadOnly={isPhone}
            />
          </Form.Item>
          <Form.Item name={to.name} {...dateItemProps} style={{ flex: 1 }}>
            <DatePicker
              placeholder={to.label}
              aria-label={to.label}
              style={{ width: '100%' }}
              disabledDate={(d) => Boolean(start && d.isBefore(dayjs(start), 'day'))}
              inputReadOnly={isPhone}
            />
          </Form.Item>
        </Flex>
      </Form.Item>
    </FilterField>
  );
}
