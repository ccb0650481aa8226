/**
 * 工作日历: a year's public holidays and make-up working days, on which the acceptance notice's
 * 7 working days are counted. Saving replaces every day of the year shown (settings.manage).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { calendarDayKinds } from '../../../domain/quality.js';
import { useErrorReporter } from '../../shared/errors.js';
import { dateItemProps } from '../../shared/format.js';
import { useSetWorkingCalendar, useWorkingCalendar } from './boardQueries.js';

interface Values {
  days: { date?: string; kind?: (typeof calendarDayKinds)[number]; name?: string }[];
}
const thisYear = dayjs().year();

export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const calendar = useWorkingCalendar();
  const save = useSetWorkingCalendar();
  const [year, setYear] = useState(thisYear);
  const [form] = Form.useForm<Values>();
  const days = useMemo(
    () => (calendar.data?.days ?? []).filter((d) => d.date.startsWith(`${year}-`)),
    [calendar.data, year],
  );
  const years = [
    ...new Set([
      thisYear - 1,
      thisYear,
      thisYear + 1,
      ...(calendar.data?.days ?? []).map((d) => Number(d.date.slice(0, 4))),
    ]),
  ].sort();
  useEffect(() => form.setFieldsValue({ days }), [days, form]);

  const onFinish = async (v: Values) => {
    try {
      await save.mutateAsync({
        days: v.days.map((d) => ({
          date: d.date ?? '',
          kind: d.kind ?? 'holiday',
          name: d.name?.trim() ?? '',
        })),
      });
      message.success(t('workCalendar.saved'));
    } catch (error) {
      report(error, {
        form,
        fields: v.days.flatMap((_, i) => [`days.${i}.date`, `days.${i}.kind`, `days.${i}.name`]),
      });
    }
  };
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('workCalendar.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('workCalendar.hint')} />
      <Card size="small">
        <Space>
          <span>{t('workCalendar.year')}</span>
          <Select
            style={{ width: 110 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            data-testid="calendar-year"
          />
        </Space>
      </Card>
      <Form<Values> name="calendar" form={form} onFinish={(v) => void onFinish(v)} initialValues={{ days }}>
        <Form.List name="days">
          {(rows, { add, remove }) => (
            <Flex vertical gap={4}>
              {rows.length === 0 && (
                <Typography.Text type="secondary">{t('workCalendar.empty')}</Typography.Text>
              )}
              {rows.map((row) => (
                <Flex key={row.key} gap={8} wrap align="start">
                  <Form.Item
                    name={[row.name, 'date']}
                    rules={[{ required: true }]}
                    {...dateItemProps}
                    style={{ marginBottom: 8 }}
                  >
                    <DatePicker
                      aria-label={t('workCalendar.date')}
                      disabledDate={(d) => d.year() !== year}
                      defaultPickerValue={dayjs(`${year}-01-01`)}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'kind']}
                    rules={[{ required: true }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Select
                      aria-label={t('workCalendar.kind')}
                      style={{ width: 130 }}
                      options={calendarDayKinds.map((k) => ({
                        value: k,
                        label: t(`workCalendar.kinds.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'name']}
                    rules={[{ required: true, whitespace: true }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input
                      aria-label={t('workCalendar.name')}
                      maxLength={limits.name.max}
                      style={{ width: 180 }}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('workCalendar.remove')}
                    onClick={() => remove(row.name)}
                  />
                </Flex>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'holiday' })}>
                  {t('workCalendar.add')}
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('workCalendar.save')}
                </Button>
              </Space>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Flex>
  );
}
