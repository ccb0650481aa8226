/** Printable sheets outside the app's frame: a vote's result for posting in the compound, and its ballot notices. */
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { districtToday } from '../../../domain/ledger.js';
import { scopeOf } from './labels.js';
import { useNotices, useVote } from './queries.js';

const sheet = { maxWidth: 760, margin: '0 auto', padding: 24, background: '#fff' } as const;

function PrintButton() {
  const { t } = useTranslation();
  return (
    <Flex justify="end" className="no-print" style={{ marginBottom: 12 }}>
      <style>{'@media print { .no-print { display: none !important; } }'}</style>
      <Button type="primary" onClick={() => window.print()}>
        {t('votes.print')}
      </Button>
    </Flex>
  );
}

export function VotePrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: v } = useVote(id);
  if (!v?.tally) return null;
  const tally = v.tally;
  const rows: [string, string][] = [
    [`${t('votes.quorum')} · ${t('votes.byArea')}`, tally.quorumArea.text],
    [`${t('votes.quorum')} · ${t('votes.byHeadcount')}`, tally.quorumHeadcount.text],
    [`${t('votes.approval')} · ${t('votes.byArea')}`, tally.approvalArea.text],
    [`${t('votes.approval')} · ${t('votes.byHeadcount')}`, tally.approvalHeadcount.text],
    ...(tally.consent && tally.consent.required > 0
      ? ([[t('votes.consent'), t('votes.consentLine', tally.consent)]] as [string, string][])
      : []),
  ];
  return (
    <div style={sheet}>
      <PrintButton />
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t('votes.printTitle')}
      </Typography.Title>
      <Typography.Paragraph>
        {v.compoundName}（{scopeOf(v, t('votes.scopes.compound'))}）：{v.title}。
        {t(`votes.matters.${v.matter}`)}，{v.special ? t('votes.special') : t('votes.general')}。
        {t('votes.dates')} {v.startsOn} ~ {v.endsOn}。
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('votes.totals', { area: tally.totalArea, n: tally.totalHeadcount })}
      </Typography.Paragraph>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {rows.map(([label, text]) => (
            <tr key={label}>
              <td style={{ border: '1px solid #999', padding: 6 }}>{label}</td>
              <td style={{ border: '1px solid #999', padding: 6 }}>{text}</td>
            </tr>
          ))}
          <tr>
            <td style={{ border: '1px solid #999', padding: 6 }}>
              {t('votes.forLabel')} / {t('votes.againstLabel')} / {t('votes.abstainLabel')}
            </td>
            <td style={{ border: '1px solid #999', padding: 6 }}>
              {tally.for.headcount} / {tally.against.headcount} / {tally.abstain.headcount}
            </td>
          </tr>
        </tbody>
      </table>
      <Typography.Title level={4}>
        {t('votes.conclusion')}：
        {v.status === 'closed' ? (v.passed ? t('votes.passed') : t('votes.failed')) : t('votes.inProgress')}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'right' }}>
        {t('votes.printedOn')}：{districtToday()}
      </Typography.Paragraph>
    </div>
  );
}

export function NoticesPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data } = useNotices(id);
  if (!data) return null;
  const link = `${window.location.origin}/v/${id}`;
  return (
    <div style={sheet}>
      <PrintButton />
      {data.notices.map((n) => (
        <div
          key={n.key}
          style={{ border: '1px dashed #999', padding: 12, marginBottom: 12, breakInside: 'avoid' }}
        >
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('votes.noticeTitle')} · {data.vote.compoundName} · {data.vote.title}
          </Typography.Title>
          <div>
            {n.name} · {n.rooms} · {n.area} ㎡
          </div>
          <div>
            {t('votes.noticeCode')}：<strong style={{ fontSize: 18, letterSpacing: 2 }}>{n.code}</strong>
          </div>
          <div>{link}</div>
          <Typography.Text type="secondary">
            {t('votes.noticeHow', { endsOn: data.vote.endsOn })}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
