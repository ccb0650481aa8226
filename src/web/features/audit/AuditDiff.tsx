/** An audit event's before and after states, side by side (stacked on phones). */
import { Col, Row, Typography, theme } from 'antd';
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

export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 8]} data-testid={`audit-diff-${event.seq}`}>
      <JsonBlock label={t('audit.before')} value={event.before} />
      <JsonBlock label={t('audit.after')} value={event.after} />
    </Row>
  );
}
