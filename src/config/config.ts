import path from 'node:path';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { FieldProblem } from '../domain/shared/errors.ts';
import { defaultThresholds, type ScoreThresholds } from '../domain/screening/score-names.ts';

/** Where Cordon keeps its data: the embedded PGlite directory, or a PostgreSQL server. */
export type DatabaseConfig =
  | { readonly engine: 'embedded'; readonly dataDir: string }
  | { readonly engine: 'postgres'; readonly url: string; readonly target: string };

/** Fastify's `trustProxy`: nobody, everybody, the last N hops, or these addresses/CIDRs. */
export type TrustProxy = boolean | number | readonly string[];

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Cordon's whole configuration, parsed once at start-up and passed down; nothing else reads the environment. */
export interface Config {
  readonly database: DatabaseConfig;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly bodyLimitBytes: number;
    /**
     * Which reverse proxies are believed about the client address and protocol
     * (CORDON_TRUST_PROXY): `false` (default), `true` (any), a hop count, or addresses/CIDRs.
     * Behind a TLS-terminating proxy it makes session cookies Secure and rate limits per client.
     */
    readonly trustProxy: TrustProxy;
  };
  readonly logLevel: LogLevel;
  /** Where screening scores become alerts (CORDON_SCREENING_REVIEW, CORDON_SCREENING_STRONG). */
  readonly screening: { readonly thresholds: ScoreThresholds };
  /**
   * How long a verified API token is believed without a database lookup
   * (CORDON_AUTH_CACHE_SECONDS, default 5; 0 looks it up on every request).
   */
  readonly auth: { readonly tokenCacheMs: number };
  /**
   * The largest share of a list's active entries an import or roll-back may remove without a
   * reason (CORDON_LIST_MAX_REMOVED_SHARE, default 0.1).
   */
  readonly lists: { readonly maxRemovedShare: number };
  /**
   * How old a binding restricted-party list may be before an assessment resting on it is at least
   * `refer` (CORDON_LIST_MAX_AGE_DAYS, whole days, default 90).
   */
  readonly assessment: { readonly listMaxAgeDays: number };
}

/** Settings given on the command line; each overrides its environment variable. */
export interface ConfigFlags {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly databaseUrl?: string | undefined;
  readonly logLevel?: string | undefined;
}

export type Environment = Readonly<Record<string, string | undefined>>;

const logLevels: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

export const defaults = {
  host: '127.0.0.1',
  port: 8080,
  dataDir: path.join('.cordon', 'data'),
  bodyLimitBytes: 10 * 1024 * 1024,
  logLevel: 'info',
  authCacheSeconds: 5,
} as const;

/**
 * Parses the environment and flags into a typed `Config`, or lists every bad setting at once,
 * each named by the variable or flag the user wrote. Relative paths resolve against `cwd`.
 *
 * @example
 * parseConfig({ PORT: 'eighty' }, {}, '/srv') // err([{ field: 'PORT', problem: '...' }])
 */
export function parseConfig(
  env: Environment,
  flags: ConfigFlags,
  cwd: string,
): Result<Config, readonly FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const pick = (flag: string | undefined, flagName: string, envName: string) =>
    flag !== undefined
      ? { value: flag, source: flagName }
      : { value: nonEmpty(env[envName]), source: envName };

  const port = pick(flags.port, '--port', 'PORT');
  let portNumber: number = defaults.port;
  if (port.value !== undefined) {
    const parsed = /^\d{1,5}$/.test(port.value) ? Number(port.value) : Number.NaN;
    if (!Number.isInteger(parsed) || parsed > 65535) {
      problems.push({
        field: port.source,
        problem: `must be a port number from 0 to 65535, got "${port.value}"`,
      });
    } else {
      portNumber = parsed;
    }
  }

  const host = pick(flags.host, '--host', 'HOST');
  const hostValue = host.value ?? defaults.host;
  if (/\s/.test(hostValue) || hostValue.length === 0) {
    problems.push({
      field: host.source,
      problem: `must be a host name or address, got "${hostValue}"`,
    });
  }

  const level = pick(flags.logLevel, '--log-level', 'LOG_LEVEL');
  const levelValue = level.value ?? defaults.logLevel;
  if (!isLogLevel(levelValue)) {
    problems.push({
      field: level.source,
      problem: `must be one of ${logLevels.join(', ')}, got "${levelValue}"`,
    });
  }

  const url = pick(flags.databaseUrl, '--database-url', 'DATABASE_URL');
  const dataDir = pick(flags.dataDir, '--data-dir', 'CORDON_DATA_DIR');
  let database: DatabaseConfig | undefined;
  if (url.value !== undefined) {
    const target = describePostgresUrl(url.value);
    if (target.ok) {
      database = { engine: 'postgres', url: url.value, target: target.value };
    } else {
      problems.push({ field: url.source, problem: target.error });
    }
  } else {
    database = {
      engine: 'embedded',
      dataDir: path.resolve(cwd, dataDir.value ?? defaults.dataDir),
    };
  }

  const bodyLimit = nonEmpty(env['CORDON_BODY_LIMIT_BYTES']);
  let bodyLimitBytes: number = defaults.bodyLimitBytes;
  if (bodyLimit !== undefined) {
    const parsed = /^\d+$/.test(bodyLimit) ? Number(bodyLimit) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < 1024) {
      problems.push({
        field: 'CORDON_BODY_LIMIT_BYTES',
        problem: `must be a whole number of bytes, at least 1024, got "${bodyLimit}"`,
      });
    } else {
      bodyLimitBytes = parsed;
    }
  }

  const thresholds = parseScreeningThresholds(env, problems);
  const trustProxy = parseTrustProxy(env, problems);
  const cacheSetting = nonEmpty(env['CORDON_AUTH_CACHE_SECONDS'])?.trim();
  let authCacheSeconds: number = defaults.authCacheSeconds;
  if (cacheSetting !== undefined) {
    const parsed = /^\d{1,3}$/.test(cacheSetting) ? Number(cacheSetting) : Number.NaN;
    if (!(parsed <= 300)) {
      problems.push({
        field: 'CORDON_AUTH_CACHE_SECONDS',
        problem: `must be a whole number of seconds from 0 to 300, got "${cacheSetting}"`,
      });
    } else {
      authCacheSeconds = parsed;
    }
  }

  const shareSetting = nonEmpty(env['CORDON_LIST_MAX_REMOVED_SHARE'])?.trim();
  let maxRemovedShare = 0.1;
  if (shareSetting !== undefined) {
    const parsed = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(shareSetting)
      ? Number(shareSetting)
      : Number.NaN;
    if (!(parsed >= 0 && parsed <= 1)) {
      problems.push({
        field: 'CORDON_LIST_MAX_REMOVED_SHARE',
        problem: `must be a share from 0 to 1 (0.1 = 10%), got "${shareSetting}"`,
      });
    } else {
      maxRemovedShare = parsed;
    }
  }

  const maxAgeSetting = nonEmpty(env['CORDON_LIST_MAX_AGE_DAYS'])?.trim();
  let listMaxAgeDays = 90;
  if (maxAgeSetting !== undefined) {
    const parsed = /^\d{1,4}$/.test(maxAgeSetting) ? Number(maxAgeSetting) : Number.NaN;
    if (!(parsed >= 1 && parsed <= 3660)) {
      problems.push({
        field: 'CORDON_LIST_MAX_AGE_DAYS',
        problem: `must be a whole number of days from 1 to 3660, got "${maxAgeSetting}"`,
      });
    } else {
      listMaxAgeDays = parsed;
    }
  }

  if (problems.length > 0 || database === undefined || !isLogLevel(levelValue)) {
    return err(problems);
  }
  return ok({
    database,
    http: { host: hostValue, port: portNumber, bodyLimitBytes, trustProxy },
    logLevel: levelValue,
    screening: { thresholds },
    auth: { tokenCacheMs: authCacheSeconds * 1000 },
    lists: { maxRemovedShare },
    assessment: { listMaxAgeDays },
  });
}

/**
 * The screening thresholds: CORDON_SCREENING_REVIEW and CORDON_SCREENING_STRONG, each a number
 * in (0, 1], review no higher than strong; the defaults come from the screening benchmark.
 */
function parseScreeningThresholds(env: Environment, problems: FieldProblem[]): ScoreThresholds {
  const read = (name: string, fallback: number): number => {
    const raw = nonEmpty(env[name]);
    if (raw === undefined) return fallback;
    const value = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!(value > 0 && value <= 1)) {
      problems.push({
        field: name,
        problem: `must be a number above 0 and at most 1, got "${raw}"`,
      });
      return fallback;
    }
    return value;
  };
  const review = read('CORDON_SCREENING_REVIEW', defaultThresholds.review);
  const strong = read('CORDON_SCREENING_STRONG', defaultThresholds.strong);
  if (review > strong) {
    problems.push({
      field: 'CORDON_SCREENING_REVIEW',
      problem: `must not be above CORDON_SCREENING_STRONG (${strong}), got ${review}`,
    });
  }
  return { review, strong };
}

/**
 * CORDON_TRUST_PROXY: `true`/`false`, a number of proxy hops (1-16), or a comma-separated list of
 * proxy addresses or CIDR ranges (`10.0.0.0/8,127.0.0.1`).
 */
function parseTrustProxy(env: Environment, problems: FieldProblem[]): TrustProxy {
  const raw = nonEmpty(env['CORDON_TRUST_PROXY'])?.trim();
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 16) return hops;
  } else {
    const entries = raw.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => /^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(entry))) return entries;
  }
  problems.push({
    field: 'CORDON_TRUST_PROXY',
    problem: `must be true, false, a hop count from 1 to 16, or comma-separated proxy addresses/CIDRs, got "${raw}"`,
  });
  return false;
}

/**
 * Checks a PostgreSQL connection URL and returns `host:port/database` for messages (never the password).
 */
export function describePostgresUrl(raw: string): Result<string, string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return err('must be a URL such as postgres://user@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return err(`must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  const host = url.hostname || 'localhost';
  const port = url.port || '5432';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
  return ok(`${host}:${port}/${database}`);
}

const isLogLevel = (value: string): value is LogLevel =>
  (logLevels as readonly string[]).includes(value);

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/** The exchange with partner states (see docs/exchange.md). */
export interface ExchangeConfig {
  /** This authority's id (CORDON_AUTHORITY_ID, e.g. `GB-ECJU`); else the key file's. */
  readonly authorityId?: string;
  /** The node's Ed25519 key file (CORDON_EXCHANGE_KEY_FILE; default `<data dir>/exchange-key.json`). */
  readonly keyFile: string;
  /** Seconds between pulls of partners' feeds (CORDON_EXCHANGE_SYNC_SECONDS); 0, the default, pulls only on demand. */
  readonly syncIntervalSeconds: number;
  /** Leave exporters' names out of denial notifications (CORDON_EXCHANGE_REDACT_EXPORTER, default true). */
  readonly redactExporter: boolean;
  /**
   * Which partner URLs may be registered and called: plain http to loopback only with
   * CORDON_EXCHANGE_DEV_LOOPBACK_HTTP=true (development), private addresses only as listed in
   * CORDON_EXCHANGE_ALLOW_PRIVATE (comma-separated CIDRs or host names).
   */
  readonly partnerUrls: {
    readonly allowLoopbackHttp: boolean;
    readonly allowedPrivate: readonly string[];
  };
  /**
   * Seconds between publications of the audit trail's head into the signed feed
   * (CORDON_EXCHANGE_AUDIT_HEAD_SECONDS, default 3600; 0 turns it off), so partners hold a witness.
   */
  readonly auditHeadSeconds: number;
}

/**
 * The exchange settings, parsed like the rest of the configuration: every bad setting at once,
 * named by its variable. Separate from `parseConfig` so nodes that do not exchange need nothing.
 */
export function parseExchangeConfig(
  env: Environment,
  database: DatabaseConfig,
  cwd: string,
): Result<ExchangeConfig, readonly FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const authorityId = nonEmpty(env['CORDON_AUTHORITY_ID'])?.trim();
  if (authorityId !== undefined && !/^[A-Z]{2}-[A-Z0-9]{2,16}$/.test(authorityId)) {
    problems.push({
      field: 'CORDON_AUTHORITY_ID',
      problem: `must be a country code, a hyphen and the authority's short name (GB-ECJU), got "${authorityId}"`,
    });
  }
  const keyFileSetting = nonEmpty(env['CORDON_EXCHANGE_KEY_FILE']);
  const keyFile =
    keyFileSetting !== undefined
      ? path.resolve(cwd, keyFileSetting)
      : path.join(
          database.engine === 'embedded' ? database.dataDir : path.resolve(cwd, defaults.dataDir),
          'exchange-key.json',
        );
  const interval = nonEmpty(env['CORDON_EXCHANGE_SYNC_SECONDS']);
  let syncIntervalSeconds = 0;
  if (interval !== undefined) {
    const parsed = /^\d+$/.test(interval.trim()) ? Number(interval) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || (parsed !== 0 && parsed < 5)) {
      problems.push({
        field: 'CORDON_EXCHANGE_SYNC_SECONDS',
        problem: `must be 0 (off) or a whole number of seconds, at least 5, got "${interval}"`,
      });
    } else {
      syncIntervalSeconds = parsed;
    }
  }
  const redact = nonEmpty(env['CORDON_EXCHANGE_REDACT_EXPORTER'])?.trim().toLowerCase();
  if (redact !== undefined && !['true', 'false', '1', '0'].includes(redact)) {
    problems.push({
      field: 'CORDON_EXCHANGE_REDACT_EXPORTER',
      problem: `must be true or false, got "${redact}"`,
    });
  }
  const loopback = nonEmpty(env['CORDON_EXCHANGE_DEV_LOOPBACK_HTTP'])?.trim().toLowerCase();
  if (loopback !== undefined && !['true', 'false', '1', '0'].includes(loopback)) {
    problems.push({
      field: 'CORDON_EXCHANGE_DEV_LOOPBACK_HTTP',
      problem: `must be true or false, got "${loopback}"`,
    });
  }
  const allowedPrivate = (nonEmpty(env['CORDON_EXCHANGE_ALLOW_PRIVATE']) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of allowedPrivate) {
    if (!/^[A-Za-z0-9.:-]+(\/\d{1,3})?$/.test(entry)) {
      problems.push({
        field: 'CORDON_EXCHANGE_ALLOW_PRIVATE',
        problem: `must be comma-separated CIDR ranges or host names, got "${entry}"`,
      });
    }
  }
  const headSetting = nonEmpty(env['CORDON_EXCHANGE_AUDIT_HEAD_SECONDS'])?.trim();
  let auditHeadSeconds = 3600;
  if (headSetting !== undefined) {
    const parsed = /^\d+$/.test(headSetting) ? Number(headSetting) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || (parsed !== 0 && parsed < 5)) {
      problems.push({
        field: 'CORDON_EXCHANGE_AUDIT_HEAD_SECONDS',
        problem: `must be 0 (off) or a whole number of seconds, at least 5, got "${headSetting}"`,
      });
    } else {
      auditHeadSeconds = parsed;
    }
  }
  if (problems.length > 0) return err(problems);
  return ok({
    ...(authorityId === undefined ? {} : { authorityId }),
    keyFile,
    syncIntervalSeconds,
    redactExporter: redact === undefined || redact === 'true' || redact === '1',
    partnerUrls: { allowLoopbackHttp: loopback === 'true' || loopback === '1', allowedPrivate },
    auditHeadSeconds,
  });
}

/** What the authority's letters print about it, and where they can be verified. */
export interface LetterSettings {
  /** The letterhead and signature name (CORDON_AUTHORITY_NAME). */
  readonly authorityName: string;
  /** The letterhead's address lines (CORDON_AUTHORITY_ADDRESS, lines separated by `;`). */
  readonly authorityAddress: readonly string[];
  /** Who signs, e.g. `J. Smith, Head of Licensing` (CORDON_AUTHORITY_SIGNATORY); else no name. */
  readonly signatory?: string;
  /** The locale of the letters' dates and country names (CORDON_AUTHORITY_LOCALE, default en-GB). */
  readonly locale: string;
  /** The time zone of the letters' dates (CORDON_AUTHORITY_TIMEZONE, default UTC). */
  readonly timeZone: string;
  /**
   * The address at which the public reaches this Cordon (CORDON_PUBLIC_URL): letters print
   * `<it>/verify/<code>`. Default `http://localhost:<PORT or 8080>`.
   */
  readonly publicUrl: string;
}

/**
 * Parses the letter settings, naming every bad one: the locale must be one Intl supports, the
 * time zone an IANA name, the public URL an http(s) address without query or fragment.
 *
 * @example
 * parseLetterSettings({ CORDON_PUBLIC_URL: 'licences.example.gov' })
 * // err([{ field: 'CORDON_PUBLIC_URL', problem: 'must be an http:// or https:// address, ...' }])
 */
export function parseLetterSettings(env: Environment): Result<LetterSettings, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const locale = nonEmpty(env['CORDON_AUTHORITY_LOCALE'])?.trim() ?? 'en-GB';
  let supported = false;
  try {
    supported = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    supported = false;
  }
  if (!supported) {
    problems.push({
      field: 'CORDON_AUTHORITY_LOCALE',
      problem: `must be a locale such as en-GB or de-DE, got "${locale}"`,
    });
  }
  const timeZone = nonEmpty(env['CORDON_AUTHORITY_TIMEZONE'])?.trim() ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    problems.push({
      field: 'CORDON_AUTHORITY_TIMEZONE',
      problem: `must be a time zone such as UTC or Europe/London, got "${timeZone}"`,
    });
  }
  const port = nonEmpty(env['PORT'])?.trim() ?? String(defaults.port);
  const publicUrl = nonEmpty(env['CORDON_PUBLIC_URL'])?.trim() ?? `http://localhost:${port}`;
  let parsedUrl: URL | undefined;
  try {
    parsedUrl = new URL(publicUrl);
  } catch {
    parsedUrl = undefined;
  }
  if (
    parsedUrl === undefined ||
    !['http:', 'https:'].includes(parsedUrl.protocol) ||
    parsedUrl.search !== '' ||
    parsedUrl.hash !== ''
  ) {
    problems.push({
      field: 'CORDON_PUBLIC_URL',
      problem: `must be an http:// or https:// address without query or fragment, got "${publicUrl}"`,
    });
  }
  const signatory = nonEmpty(env['CORDON_AUTHORITY_SIGNATORY'])?.trim();
  if (problems.length > 0) return err(problems);
  return ok({
    authorityName: nonEmpty(env['CORDON_AUTHORITY_NAME'])?.trim() ?? 'The licensing authority',
    authorityAddress: (nonEmpty(env['CORDON_AUTHORITY_ADDRESS']) ?? '')
      .split(';')
      .map((line) => line.trim())
      .filter(Boolean),
    ...(signatory === undefined ? {} : { signatory }),
    locale,
    timeZone,
    publicUrl: publicUrl.replace(/\/+$/, ''),
  });
}
