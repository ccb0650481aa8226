/**
 * The settings page's card for the check frequency (重点部位和工序检查频次): each key part or
 * process and the checks every project needs of it. The setting is a map from name to count; the
 * form edits it as rows, and the server's complaints about an entry land on that entry's row.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkFrequencyLimits } from '../../../domain/quality.js';

export interface FrequencyRow {
  keyPart: string;
  checks: number | null;
}

/** The setting as the form's rows, in the setting's order. */
export const frequencyRows = (frequency: Record<string, number>): FrequencyRow[] =>
  Object.entries(frequency).map(([keyPart, checks]) => ({ keyPart, checks }));

/** The form's rows as the setting (the server trims the names and names every bad entry). */
export const frequencyOf = (rows: readonly FrequencyRow[] | undefined): Record<string, number> =>
  Object.fromEntries((rows ?? []).map((r) => [r.keyPart, r.checks ?? 0]));

/** Where a server path about an entry (`checkFrequency.屋面防水`) lives in the form: that row's name. */
export function frequencyPath(rows: readonly FrequencyRow[] | undefined) {
  return (path: string): (string | number)[] | null => {
    if (path === 'checkFrequency') return ['checkFrequency'];
    if (!path.startsWith('checkFrequency.')) return null;
    const key = path.slice('checkFrequency.'.length);
    const index = (rows ?? []).findIndex((r) => r.keyPart === key);
    return index < 0 ? null : ['checkFrequency', index, 'keyPart'];
  };
}

export function CheckFrequencySetting() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const max = checkFrequencyLimits.checks;
  return (
    <Card size="small" title={t('quality.frequency.title')} data-testid="check-frequency">
      <Typography.Paragraph type="secondary">{t('quality.frequency.help')}</Typography.Paragraph>
      <Form.List
        name="checkFrequency"
        rules={[
          {
            validator: async (_, rows?: unknown[]) => {
              if ((rows?.length ?? 0) > checkFrequencyLimits.parts)
                throw new Error(t('quality.frequency.tooMany', { max: checkFrequencyLimits.parts }));
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <Flex vertical gap={0}>
            {rows.map(({ key, name }) => (
              <Flex key={key} gap={8} align="start" wrap data-testid="frequency-row">
                <Form.Item
                  name={[name, 'keyPart']}
                  rules={[
                    { required: true, whitespace: true, message: t('quality.frequency.keyPartRequired') },
                    {
                      validator: async (_, keyPart?: string) => {
                        const all = (form.getFieldValue('checkFrequency') ?? []) as Partial<FrequencyRow>[];
                        const same = all.filter((r) => (r?.keyPart ?? '').trim() === (keyPart ?? '').trim());
                        if (keyPart?.trim() && same.length > 1)
                          throw new Error(t('quality.frequency.keyPartTwice'));
                      },
                    },
                  ]}
                  style={{ flex: '1 1 220px' }}
                >
                  <Input maxLength={checkFrequencyLimits.name} aria-label={t('quality.frequency.keyPart')} />
                </Form.Item>
                <Form.Item
                  name={[name, 'checks']}
                  rules={[
                    {
                      required: true,
                      type: 'integer',
                      min: 0,
                      max,
                      message: t('quality.frequency.checksRange', { max }),
                    },
                  ]}
                >
                  <InputNumber
                    min={0}
                    max={max}
                    precision={0}
                    suffix={t('quality.frequency.times')}
                    aria-label={t('quality.frequency.checks')}
                    style={{ width: 140 }}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('quality.frequency.remove')}
                  onClick={() => remove(name)}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              icon={<PlusOutlined />}
              disabled={rows.length >= checkFrequencyLimits.parts}
              onClick={() => add({ keyPart: '', checks: 1 })}
              style={{ alignSelf: 'start' }}
            >
              {t('quality.frequency.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
