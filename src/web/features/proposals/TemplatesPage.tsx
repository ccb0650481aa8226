/** 答复模板: reply templates, their placeholders checked on the field as they are typed (and by the server on save). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../contract/common.js';
import { placeholderFigures, type Template, type TemplateBody } from '../../../contract/proposals.js';
import { unknownPlaceholders } from '../../../domain/proposals.js';
import { useErrorReporter } from '../../shared/errors.js';
import { useCan } from '../../shared/session.js';
import { useSaveTemplate, useTemplates } from './queries.js';

function TemplateDrawer({ template, onClose }: { template: Template | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [form] = Form.useForm<TemplateBody>();
  const save = useSaveTemplate();
  const id = template && template !== 'new' ? template.id : null;
  const submit = (body: TemplateBody) =>
    save.mutate(
      { id, body },
      {
        onSuccess: () => {
          void message.success(t('proposals.saved'));
          onClose();
        },
        onError: (error) => report(error, { form, fields: ['name', 'body'] }),
      },
    );
  return (
    <Drawer
      open={template !== null}
      onClose={onClose}
      title={id ? t('proposals.edit') : t('proposals.newTemplate')}
      size="large"
      destroyOnHidden
    >
      <Form
        form={form}
        name="template"
        layout="vertical"
        initialValues={template && template !== 'new' ? { name: template.name, body: template.body } : {}}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('proposals.templateName')} rules={[{ required: true }]}>
          <Input maxLength={limits.name.max} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('proposals.templateBody')}
          extra={
            <span>
              {t('proposals.placeholderHelp')} <code>{'{{households|2019-2022|万}}'}</code>
            </span>
          }
          rules={[
            { required: true },
            {
              validator: async (_rule, value: string | undefined) => {
                const names = unknownPlaceholders(value ?? '', placeholderFigures);
                if (names.length > 0)
                  throw new Error(
                    t('proposals.unknownPlaceholders', { names: names.map((n) => `{{${n}}}`).join('、') }),
                  );
              },
            },
          ]}
        >
          <Input.TextArea rows={16} maxLength={limits.letterBody.max} />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {t('proposals.figures')}：{placeholderFigures.join('、')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('proposals.save')}
        </Button>
      </Form>
    </Drawer>
  );
}

export function TemplatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const templates = useTemplates();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.proposalTemplates')}
        </Typography.Title>
        {can('proposal.handle') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('proposals.newTemplate')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <List
          loading={templates.isLoading}
          dataSource={templates.data ?? []}
          renderItem={(tpl) => (
            <List.Item
              actions={
                can('proposal.handle')
                  ? [
                      <Button key="edit" type="link" onClick={() => setEditing(tpl)}>
                        {t('proposals.edit')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={tpl.name}
                description={
                  <Flex gap={4} wrap>
                    {tpl.placeholders.map((p) => (
                      <Tag key={p} color="blue">
                        {p}
                      </Tag>
                    ))}
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <TemplateDrawer template={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
