/**
 * 系统设置: the district settings every figure and reminder follows — old-compound cut-off, ledger
 * escalation, check frequency, illegal structures, facility types, residents' opinion categories,
 * proposal grades.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import {
  gradeCode,
  gradeCount,
  opinionCategoryCount,
  type Settings,
  structureTypeCount,
  UpdateSettingsBody,
} from '../../../contract/settings.js';
import { useErrorReporter } from '../../shared/errors.js';
import { namePath } from '../../shared/fieldPaths.js';
import { FacilityTypesSetting } from '../facilities/FacilityTypesSetting.js';
import {
  CheckFrequencySetting,
  type FrequencyRow,
  frequencyOf,
  frequencyPath,
  frequencyRows,
} from '../quality/CheckFrequencySetting.js';
import { useSettings, useUpdateSettings } from './queries.js';

// The bounds the server accepts, read from the contract so form and server agree.
const escalation = UpdateSettingsBody.shape.escalation.unwrap().shape;
const illegal = UpdateSettingsBody.shape.illegal.unwrap().shape;
const tolerance = {
  min: illegal.tolerancePercent.minValue ?? 0,
  max: illegal.tolerancePercent.maxValue ?? 100,
};
const bounds = {
  oldCutoffYear: UpdateSettingsBody.shape.oldCutoffYear.unwrap(),
  dueSoonDays: escalation.dueSoonDays,
  seriousAfterDays: escalation.seriousAfterDays,
};
type Field = keyof typeof bounds;
/** The form's values: the settings, with the check frequency as rows. */
type Values = Omit<Settings, 'checkFrequency'> & { checkFrequency: FrequencyRow[] };
const toForm = (s: Settings): Values => ({ ...s, checkFrequency: frequencyRows(s.checkFrequency) });

/** One whole-number setting with its bounds, unit and an explanation of what it changes. */
function NumberSetting({ name, path, unit }: { name: Field; path: (string | number)[]; unit: string }) {
  const { t } = useTranslation();
  const min = bounds[name].minValue ?? 0;
  const max = bounds[name].maxValue ?? Number.MAX_SAFE_INTEGER;
  const range = t('settings.range', { min, max, unit });
  return (
    <Form.Item
      name={path}
      label={t(`settings.${name}`)}
      extra={t(`settings.${name}Help`)}
      rules={[
        { required: true, message: t('settings.required', { range }) },
        { type: 'integer', min, max, message: t('settings.outOfRange', { range }) },
      ]}
    >
      <InputNumber min={min} max={max} precision={0} suffix={unit} style={{ width: 200, maxWidth: '100%' }} />
    </Form.Item>
  );
}

/**
 * A list of names typed in as tags (Enter or a comma adds one, × removes it), between the
 * contract's bounds: its label, help and count message are `settings.<field>`, `…Help`, `…Count`.
 */
function NamesSetting({
  path,
  field,
  count,
}: {
  path: string[];
  field: 'structureTypes' | 'opinionCategories';
  count: { min: number; max: number };
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={path}
      label={t(`settings.${field}`)}
      extra={t(`settings.${field}Help`)}
      rules={[
        {
          type: 'array',
          required: true,
          min: count.min,
          max: count.max,
          message: t(`settings.${field}Count`, count),
        },
      ]}
    >
      <Select
        mode="tags"
        open={false}
        suffixIcon={null}
        tokenSeparators={[',', '，', '、']}
        aria-label={t(`settings.${field}`)}
      />
    </Form.Item>
  );
}

/**
 * 提案办理结果: the grades a reply may carry, in order — a code (A, B, C, D…) and what it means;
 * at least one, each code once. Every place a grade is chosen offers this list.
 */
function GradeList() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.List
      name="proposalGrades"
      rules={[
        {
          validator: async (_, grades?: unknown[]) => {
            if (!grades || grades.length < gradeCount.min) throw new Error(t('settings.gradesEmpty'));
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <Flex vertical gap={0}>
          {rows.map(({ key, name }) => (
            <Flex key={key} gap={8} align="start" data-testid="grade-row">
              <Form.Item
                name={[name, 'code']}
                aria-label={t('settings.gradeCode')}
                rules={[
                  { required: true, whitespace: true, message: t('settings.gradeCodeRequired') },
                  {
                    validator: async (_, code?: string) => {
                      const all = (form.getFieldValue('proposalGrades') ?? []) as { code?: string }[];
                      const same = all.filter((g) => (g?.code ?? '').trim() === (code ?? '').trim());
                      if (code?.trim() && same.length > 1) throw new Error(t('settings.gradeCodeTwice'));
                    },
                  },
                ]}
                style={{ width: 96 }}
              >
                <Input maxLength={gradeCode.max} placeholder="A" aria-label={t('settings.gradeCode')} />
              </Form.Item>
              <Form.Item
                name={[name, 'label']}
                rules={[{ required: true, whitespace: true, message: t('settings.gradeLabelRequired') }]}
                style={{ flex: 1 }}
              >
                <Input
                  maxLength={limits.name.max}
                  placeholder={t('settings.gradeLabelPlaceholder')}
                  aria-label={t('settings.gradeLabel')}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('settings.gradeRemove')}
                disabled={rows.length <= gradeCount.min}
                onClick={() => remove(name)}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            disabled={rows.length >= gradeCount.max}
            onClick={() => add({ code: '', label: '' })}
            style={{ alignSelf: 'start' }}
          >
            {t('settings.gradeAdd')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const settings = useSettings();
  const save = useUpdateSettings();
  const [form] = Form.useForm<Values>();
  const toleranceRange = t('settings.range', { ...tolerance, unit: '%' });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(toForm(settings.data));
  }, [settings.data, form]);

  const onFinish = (values: Values) => {
    const frequencyAt = frequencyPath(values.checkFrequency);
    save.mutate(
      { ...values, checkFrequency: frequencyOf(values.checkFrequency) },
      {
        onSuccess: () => void message.success(t('settings.saved')),
        onError: (error) =>
          report(error, {
            form,
            mapPath: (path) => (path.startsWith('checkFrequency') ? frequencyAt(path) : namePath(path)),
          }),
      },
    );
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('settings.hint')}</Typography.Text>
      {settings.isError && (
        <Alert
          type="error"
          showIcon
          title={t('errors.loadFailed', { message: settings.error.message })}
          action={<Button onClick={() => void settings.refetch()}>{t('common.retry')}</Button>}
        />
      )}
      {settings.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Form name="settings" form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
          <Flex vertical gap={16}>
            <Card size="small" title={t('settings.escalationTitle')}>
              <Typography.Paragraph type="secondary">{t('settings.escalationHint')}</Typography.Paragraph>
              <NumberSetting
                name="dueSoonDays"
                path={['escalation', 'dueSoonDays']}
                unit={t('settings.days')}
              />
              <NumberSetting
                name="seriousAfterDays"
                path={['escalation', 'seriousAfterDays']}
                unit={t('settings.days')}
              />
            </Card>
            <Card size="small" title={t('settings.inventoryTitle')}>
              <NumberSetting name="oldCutoffYear" path={['oldCutoffYear']} unit={t('settings.year')} />
            </Card>
            <Card size="small" title={t('settings.illegalTitle')}>
              <Form.Item
                name={['illegal', 'tolerancePercent']}
                label={t('settings.tolerancePercent')}
                extra={t('settings.tolerancePercentHelp')}
                rules={[
                  { required: true, message: t('settings.required', { range: toleranceRange }) },
                  {
                    type: 'number',
                    min: tolerance.min,
                    max: tolerance.max,
                    message: t('settings.toleranceOutOfRange', { range: toleranceRange }),
                  },
                ]}
              >
                <InputNumber
                  min={tolerance.min}
                  max={tolerance.max}
                  step={0.1}
                  precision={1}
                  suffix="%"
                  style={{ width: 200, maxWidth: '100%' }}
                />
              </Form.Item>
              <NamesSetting path={['illegal', 'types']} field="structureTypes" count={structureTypeCount} />
            </Card>
            <CheckFrequencySetting />
            <FacilityTypesSetting />
            <Card size="small" title={t('settings.opinionsTitle')}>
              <NamesSetting
                path={['opinionCategories']}
                field="opinionCategories"
                count={opinionCategoryCount}
              />
            </Card>
            <Card size="small" title={t('settings.gradesTitle')}>
              <Typography.Paragraph type="secondary">{t('settings.gradesHint')}</Typography.Paragraph>
              <GradeList />
            </Card>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
              <Button onClick={() => settings.data && form.setFieldsValue(toForm(settings.data))}>
                {t('settings.revert')}
              </Button>
            </Space>
          </Flex>
        </Form>
      )}
    </Flex>
  );
}
