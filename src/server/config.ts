import path from 'node:path';
import {
  defaultLoginLimits,
  defaultSessionPolicy,
  type LoginLimits,
  type SessionPolicy,
} from '../domain/sessions.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminPassword: string | null;
  /** The install's own district (root of the region tree). */
  districtCode: string;
  session: SessionPolicy;
  lockout: LoginLimits;
  loginRatePerMinute: number;
  /** Opinions the public form accepts per hour from one client address, and for one compound. */
  opinionLimits: { perAddressPerHour: number; perCompoundPerHour: number };
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: string;
  webDir: string;
  /** An XYZ tile URL template for the map (e.g. an intranet tile server); none = outline-only map. */
  mapTileUrl: string | null;
  /** Largest ledger file accepted for import. */
  uploadLimitBytes: number;
  /** Where residents reach the public portal (posters' QR codes); none = the address the request came to. */
  publicBaseUrl: string | null;
  /** Requests per client address per minute to the public portal's pages and answers. */
  publicRatePerMinute: number;
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

/** An http(s) address without a trailing slash, or null when unset. */
function baseUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`JIUGAI_PUBLIC_BASE_URL must be an http(s) address, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`JIUGAI_PUBLIC_BASE_URL must be an http(s) address, got "${raw}"`);
  return url.href.replace(/\/+$/, '');
}

/** Read the configuration from the environment (documented in README.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  return {
    port: num(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    adminPassword: env.JIUGAI_ADMIN_PASSWORD || null,
    districtCode: env.JIUGAI_DISTRICT_CODE || '410203',
    session: {
      idleMs: num(env, 'JIUGAI_SESSION_IDLE_MINUTES', defaultSessionPolicy.idleMs / 60_000) * 60_000,
      absoluteMs:
        num(env, 'JIUGAI_SESSION_MAX_HOURS', defaultSessionPolicy.absoluteMs / 3_600_000) * 3_600_000,
    },
    lockout: {
      perAddress: {
        maxFailures: num(env, 'JIUGAI_LOCKOUT_FAILURES', defaultLoginLimits.perAddress.maxFailures),
        windowMs:
          num(env, 'JIUGAI_LOCKOUT_WINDOW_MINUTES', defaultLoginLimits.perAddress.windowMs / 60_000) * 60_000,
        lockMs: num(env, 'JIUGAI_LOCKOUT_MINUTES', defaultLoginLimits.perAddress.lockMs / 60_000) * 60_000,
      },
      perAccount: {
        ...defaultLoginLimits.perAccount,
        maxFailures: num(env, 'JIUGAI_ACCOUNT_LOCKOUT_FAILURES', defaultLoginLimits.perAccount.maxFailures),
      },
    },
    loginRatePerMinute: num(env, 'JIUGAI_LOGIN_RATE_PER_MINUTE', 30),
    opinionLimits: {
      perAddressPerHour: num(env, 'JIUGAI_OPINIONS_PER_ADDRESS_HOUR', 10),
      perCompoundPerHour: num(env, 'JIUGAI_OPINIONS_PER_COMPOUND_HOUR', 60),
    },
    secureCookies: env.JIUGAI_SECURE_COOKIES === '1',
    trustProxy: env.JIUGAI_TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL || 'info',
    webDir: path.resolve(env.JIUGAI_WEB_DIR || 'dist/web'),
    mapTileUrl: env.JIUGAI_MAP_TILE_URL || null,
    uploadLimitBytes: num(env, 'JIUGAI_UPLOAD_LIMIT_MB', 100) * 1024 * 1024,
    publicBaseUrl: baseUrl(env.JIUGAI_PUBLIC_BASE_URL),
    publicRatePerMinute: num(env, 'JIUGAI_PUBLIC_RATE_PER_MINUTE', 120),
  };
}
