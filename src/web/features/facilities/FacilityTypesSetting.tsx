/** The settings page's card for the facility type list: each type's name and the figure group it counts in. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { facilityGroups, facilityTypeCount } from '../../../contract/facilities.js';

export function FacilityTypesSetting() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('facilities.typesTitle')}>
      <Typography.Paragraph type="secondary">{t('facilities.typesHelp')}</Typography.Paragraph>
      <Form.List
        name={['facilities', 'types']}
        rules={[
          {
            validator: async (_, list: unknown[] | undefined) => {
              const n = list?.length ?? 0;
              if (n < facilityTypeCount.min || n > facilityTypeCount.max)
                throw new Error(t('facilities.typesCount', facilityTypeCount));
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <Flex vertical gap={4}>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="start" wrap>
                <Form.Item
                  name={[row.name, 'name']}
                  rules={[{ required: true, whitespace: true }]}
                  style={{ marginBottom: 8, flex: '1 1 220px' }}
                >
                  <Input maxLength={limits.name.max} aria-label={t('facilities.typeName')} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'group']}
                  rules={[{ required: true }]}
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    style={{ width: 180 }}
                    aria-label={t('facilities.group')}
                    options={facilityGroups.map((g) => ({ value: g, label: t(`facilities.groups.${g}`) }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('facilities.removeType')}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', group: 'other' })}
              style={{ alignSelf: 'start' }}
            >
              {t('facilities.addType')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
