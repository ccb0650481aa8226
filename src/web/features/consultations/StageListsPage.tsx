/**
 * 议事流程设置: the stage lists consultations may follow (a district setting), 一征三议两公开 first
 * (the default) and 四议两公开 …; administrators edit them, everyone who works with
 * consultations sees them. The server checks each list (domain `stageListsProblem`).
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
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type StageList, stageRoles } from '../../../contract/consultations.js';
import { useErrorReporter } from '../../shared/errors.js';
import { namePath } from '../../shared/fieldPaths.js';
import { useCan } from '../../shared/session.js';
import { useSettings, useUpdateSettings } from '../settings/queries.js';

interface Values {
  stageLists: StageList[];
}

function ListView({ list, first }: { list: StageList; first: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Space>
          {list.name}
          <Typography.Text type="secondary">{list.code}</Typography.Text>
          {first && <Tag color="blue">{t('consult.defaultList')}</Tag>}
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={list.stages}
        columns={[
          { title: '#', key: 'n', render: (_x, _s, i) => i + 1, width: 48 },
          { title: t('consult.stageName'), dataIndex: 'name' },
          {
            title: t('consult.stageRole'),
            dataIndex: 'role',
            render: (r: StageList['stages'][number]['role']) => t(`consult.roles.${r}`),
          },
          { title: t('consult.stageKey'), dataIndex: 'key' },
        ]}
      />
    </Card>
  );
}

export function StageListsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const can = useCan();
  const settings = useSettings();
  const save = useUpdateSettings();
  const [form] = Form.useForm<Values>();
  const editable = can('settings.manage');
  const lists = settings.data?.consultations.stageLists;
  useEffect(() => {
    if (lists) form.setFieldsValue({ stageLists: lists });
  }, [lists, form]);
  const roleOptions = stageRoles.map((r) => ({ value: r, label: t(`consult.roles.${r}`) }));
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('consult.stageLists')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('consult.stageListsHint')}</Typography.Text>
      {settings.isError && <Alert type="error" showIcon title={settings.error.message} />}
      {!lists ? (
        <Skeleton active />
      ) : !editable ? (
        <>
          <Typography.Text type="secondary">{t('consult.readOnlyLists')}</Typography.Text>
          {lists.map((l, i) => (
            <ListView key={l.code} list={l} first={i === 0} />
          ))}
        </>
      ) : (
        <Form<Values>
          name="stageLists"
          form={form}
          layout="vertical"
          onFinish={(v) =>
            save.mutate(
              { consultations: { stageLists: v.stageLists } },
              {
                onSuccess: () => void message.success(t('consult.stageListsSaved')),
                onError: (error) => report(error, { form, mapPath: namePath }),
              },
            )
          }
        >
          <Form.List name="stageLists">
            {(listFields, listOps) => (
              <Flex vertical gap={16}>
                {listFields.map((lf, li) => (
                  <Card
                    key={lf.key}
                    size="small"
                    data-testid="stage-list"
                    title={li === 0 ? <Tag color="blue">{t('consult.defaultList')}</Tag> : null}
                    extra={
                      listFields.length > 1 ? (
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => listOps.remove(lf.name)}
                        >
                          {t('consult.removeStageList')}
                        </Button>
                      ) : null
                    }
                  >
                    {/* Problems of the whole list are reported on its path. */}
                    <Form.Item name={[lf.name]} noStyle>
                      <span />
                    </Form.Item>
                    <Space wrap align="start">
                      <Form.Item
                        name={[lf.name, 'name']}
                        label={t('consult.stageListName')}
                        rules={[{ required: true, whitespace: true }]}
                      >
                        <Input maxLength={60} />
                      </Form.Item>
                      <Form.Item
                        name={[lf.name, 'code']}
                        label={t('consult.stageListCode')}
                        rules={[{ required: true, pattern: /^[A-Za-z0-9-]+$/ }]}
                      >
                        <Input maxLength={20} style={{ width: 120 }} />
                      </Form.Item>
                    </Space>
                    <Form.List name={[lf.name, 'stages']}>
                      {(stageFields, stageOps) => (
                        <Flex vertical gap={4}>
                          {stageFields.map((sf, si) => (
                            <Space key={sf.key} wrap align="start">
                              <Typography.Text style={{ display: 'inline-block', width: 24, paddingTop: 4 }}>
                                {si + 1}
                              </Typography.Text>
                              <Form.Item
                                name={[sf.name, 'name']}
                                rules={[{ required: true, whitespace: true }]}
                                style={{ marginBottom: 8 }}
                              >
                                <Input
                                  placeholder={t('consult.stageName')}
                                  aria-label={t('consult.stageName')}
                                />
                              </Form.Item>
                              <Form.Item
                                name={[sf.name, 'role']}
                                rules={[{ required: true }]}
                                style={{ marginBottom: 8 }}
                              >
                                <Select
                                  options={roleOptions}
                                  style={{ width: 140 }}
                                  aria-label={t('consult.stageRole')}
                                />
                              </Form.Item>
                              <Form.Item
                                name={[sf.name, 'key']}
                                rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/ }]}
                                style={{ marginBottom: 8 }}
                              >
                                <Input
                                  placeholder={t('consult.stageKey')}
                                  aria-label={t('consult.stageKey')}
                                  style={{ width: 180 }}
                                />
                              </Form.Item>
                              <Button
                                icon={<DeleteOutlined />}
                                aria-label="remove"
                                disabled={stageFields.length <= 1}
                                onClick={() => stageOps.remove(sf.name)}
                              />
                            </Space>
                          ))}
                          <Button
                            type="dashed"
                            icon={<PlusOutlined />}
                            onClick={() => stageOps.add({ key: '', name: '', role: 'deliberate' })}
                            style={{ alignSelf: 'flex-start' }}
                          >
                            {t('consult.addStage')}
                          </Button>
                        </Flex>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    listOps.add({
                      code: '',
                      name: '',
                      stages: lists[0]?.stages.map((s) => ({ ...s })) ?? [],
                    })
                  }
                >
                  {t('consult.addStageList')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button onClick={() => form.setFieldsValue({ stageLists: lists })}>{t('settings.revert')}</Button>
          </Space>
        </Form>
      )}
    </Flex>
  );
}
