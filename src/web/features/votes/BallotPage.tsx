/**
 * The owner's online ballot (public, no login, phone-sized): the question, the code from the
 * notice, whose flats it names, then one choice, confirmed and sent once.
 */

import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PublicVoter } from '../../../contract/votes.js';
import { votesEndpoints } from '../../../contract/votes.js';
import type { VoteChoice } from '../../../domain/votes.js';
import { ApiError, call } from '../../shared/api.js';

export function BallotPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { id = '' } = useParams();
  const vote = useQuery({
    queryKey: ['public-vote', id],
    queryFn: ({ signal }) => call(votesEndpoints.publicVote, { params: { id }, signal }),
    retry: false,
  });
  const [code, setCode] = useState('');
  const [voter, setVoter] = useState<PublicVoter | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const failed = (e: unknown) =>
    setError(e instanceof ApiError ? (Object.values(e.fields ?? {})[0] ?? e.message) : String(e));
  const check = async () => {
    setError(null);
    setBusy(true);
    try {
      setVoter(await call(votesEndpoints.publicCheckCode, { params: { id }, body: { code } }));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };
  const cast = (choice: VoteChoice) =>
    modal.confirm({
      title: t('votes.public.confirm', { choice: t(`votes.${choice}Label`) }),
      onOk: async () => {
        setError(null);
        try {
          setVoter(await call(votesEndpoints.publicCastBallot, { params: { id }, body: { code, choice } }));
          setSent(true);
        } catch (e) {
          failed(e);
        }
      },
    });
  const v = vote.data;
  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: 12, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 480, alignSelf: 'flex-start' }} loading={vote.isLoading}>
        {vote.isError && <Result status="404" title={t('votes.public.notOpen')} />}
        {v && (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">
              {t('votes.public.title')} · {v.scopeName}
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {v.title}
            </Typography.Title>
            {v.description && <Typography.Paragraph>{v.description}</Typography.Paragraph>}
            <Typography.Text type="secondary">
              {t(`votes.matters.${v.matter}`)} · {v.startsOn} ~ {v.endsOn}
            </Typography.Text>
            {v.status !== 'open' && <Alert type="warning" title={t('votes.public.notOpen')} />}
            {error && <Alert type="error" title={error} />}
            {!voter && v.status === 'open' && (
              <>
                <Input
                  size="large"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  onPressEnter={() => void check()}
                  placeholder={t('votes.public.code')}
                  aria-label={t('votes.public.code')}
                  autoComplete="off"
                  maxLength={32}
                />
                <Button
                  type="primary"
                  size="large"
                  block
                  loading={busy}
                  disabled={!code.trim()}
                  onClick={() => void check()}
                >
                  {t('votes.public.check')}
                </Button>
              </>
            )}
            {voter && (
              <Card size="small" title={t('votes.public.you')}>
                <Typography.Paragraph style={{ margin: 0 }}>
                  {voter.name} · {voter.rooms}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {t('votes.public.areaLine', { area: voter.area })}
                </Typography.Text>
              </Card>
            )}
            {voter?.choice ? (
              <Result
                status="success"
                title={
                  sent
                    ? t('votes.public.thanks', { choice: t(`votes.${voter.choice}Label`) })
                    : t('votes.public.already', { choice: t(`votes.${voter.choice}Label`) })
                }
              />
            ) : (
              voter &&
              v.status === 'open' && (
                <Flex vertical gap={8}>
                  <Typography.Text strong>{t('votes.public.choose')}</Typography.Text>
                  {(['for', 'against', 'abstain'] as const).map((c) => (
                    <Button
                      key={c}
                      size="large"
                      block
                      type={c === 'for' ? 'primary' : 'default'}
                      danger={c === 'against'}
                      onClick={() => cast(c)}
                    >
                      {t(`votes.${c}Label`)}
                    </Button>
                  ))}
                </Flex>
              )
            )}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
