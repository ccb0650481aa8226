/** An audit event as recorded: its codes and full ids, and its before and after states side by side (stacked on phones). */
import { Col, Descriptions, Row, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../contract/audit.js';

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Col xs={24} md={12}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre
        style={{
          margin: '4px 0 0',
          padding: 8,
          maxHeight: 360,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          background: token.colorFillQuaternary,
          borderRadius: token.borderRadius,
          fontSize: 12,
        }}
      >
        {value === null || value === undefined ? t('audit.none') : JSON.stringify(value, null, 2)}
      </pre>
    </Col>
  );
}

const Code = ({ value }: { value: string | number | null }) =>
  value === null ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <Typography.Text code copyable={{ text: String(value) }}>
      {value}
    </Typography.Text>
  );

export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 8]} data-testid={`audit-diff-${event.seq}`}>
      <Col span={24}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          title={t('audit.raw')}
          items={[
            { key: 'seq', label: t('audit.seq'), children: <Code value={event.seq} /> },
            { key: 'action', label: t('audit.code'), children: <Code value={event.action} /> },
            { key: 'entityType', label: t('audit.entityType'), children: <Code value={event.entityType} /> },
            { key: 'entityId', label: t('audit.entityId'), children: <Code value={event.entityId} /> },
            { key: 'actorId', label: t('audit.actorId'), children: <Code value={event.actorId} /> },
            { key: 'regionCode', label: t('audit.regionCode'), children: <Code value={event.regionCode} /> },
            { key: 'ip', label: t('audit.ip'), children: <Code value={event.ip} /> },
          ]}
        />
      </Col>
      <JsonBlock label={t('audit.before')} value={event.before} />
      <JsonBlock label={t('audit.after')} value={event.after} />
    </Row>
  );
}
