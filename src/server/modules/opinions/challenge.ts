/**
 * The public form's challenge, without internet access (no external captcha): an arithmetic
 * question whose answer is bound into an HMAC under a secret kept in the database, with the
 * compound, a nonce and an expiry. The token says nothing of the answer; a token is accepted
 * once (its nonce is recorded until it would have expired) and only before it expires.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { OpinionChallenge } from '../../../contract/opinions.js';
import { arithmeticChallenge, challengeLifetimeMs, readAnswer } from '../../../domain/opinions.js';
import type { Db, Tx } from '../../db/client.js';
import { opinionChallenges, settings } from '../../db/schema.js';

const secretKey = 'opinionChallengeSecret';

/**
 * The install's challenge secret: made once, at the first form shown, and kept with the data, so
 * every instance on one database agrees (never among the settings the API shows).
 */
async function secretOf(db: Db | Tx): Promise<Buffer> {
  const read = async () => (await db.select().from(settings).where(eq(settings.key, secretKey)))[0];
  let row = await read();
  if (!row) {
    await db
      .insert(settings)
      .values({ key: secretKey, value: randomBytes(32).toString('base64') })
      .onConflictDoNothing();
    row = await read();
  }
  return Buffer.from(String(row?.value), 'base64');
}

const mac = (secret: Buffer, parts: readonly string[]) =>
  createHmac('sha256', secret).update(parts.join('|')).digest('base64url');

/** A fresh challenge for the form of `compoundId`. */
export async function issueChallenge(
  db: Db | Tx,
  compoundId: string,
  now = Date.now(),
): Promise<OpinionChallenge> {
  const secret = await secretOf(db);
  const { question, answer } = arithmeticChallenge(
    randomInt(1e6) / 1e6,
    randomInt(1e6) / 1e6,
    randomInt(1e6) / 1e6,
  );
  const nonce = randomBytes(12).toString('base64url');
  const expires = now + challengeLifetimeMs;
  const parts = [nonce, compoundId, String(expires)];
  const token = [...parts.slice(0, 1), String(expires), mac(secret, [...parts, String(answer)])].join('.');
  return { token, question, expiresAt: new Date(expires).toISOString() };
}

export type ChallengeProblem = 'challenge_wrong' | 'challenge_expired' | 'challenge_used';

/**
 * Check a challenge's token and answer for `compoundId` and use it up (inside the opinion's
 * transaction: a refused opinion leaves the challenge unused). A token for another compound,
 * forged or altered reads as a wrong answer.
 */
export async function useChallenge(
  tx: Tx,
  compoundId: string,
  token: string,
  answerText: string,
  now = Date.now(),
): Promise<ChallengeProblem | null> {
  const [nonce, expiresText, given] = token.split('.');
  const expires = Number(expiresText);
  const answer = readAnswer(answerText);
  if (!nonce || !given || !Number.isSafeInteger(expires) || answer === null) return 'challenge_wrong';
  const expected = Buffer.from(mac(await secretOf(tx), [nonce, compoundId, String(expires), String(answer)]));
  const sent = Buffer.from(given);
  if (expected.length !== sent.length || !timingSafeEqual(expected, sent)) return 'challenge_wrong';
  if (expires <= now) return 'challenge_expired';
  await tx.delete(opinionChallenges).where(lt(opinionChallenges.expiresAt, new Date(now)));
  const used = await tx
    .insert(opinionChallenges)
    .values({ nonce, expiresAt: new Date(expires) })
    .onConflictDoNothing()
    .returning({ nonce: opinionChallenges.nonce });
  return used.length === 0 ? 'challenge_used' : null;
}
