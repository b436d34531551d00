import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePostgresUrl, parseConfig, parseLetterSettings } from './config.ts';

describe(parseConfig.name, () => {
  it('defaults to the embedded database in ./.cordon/data and 127.0.0.1:8080', () => {
    const result = parseConfig({}, {}, '/srv/cordon');
    expect(result).toEqual({
      ok: true,
      value: {
        database: { engine: 'embedded', dataDir: path.resolve('/srv/cordon/.cordon/data') },
        http: {
          host: '127.0.0.1',
          port: 8080,
          bodyLimitBytes: 10 * 1024 * 1024,
          trustProxy: false,
        },
        logLevel: 'info',
        screening: { thresholds: { review: 0.8, strong: 0.95 } },
        auth: { tokenCacheMs: 5_000 },
        lists: { maxRemovedShare: 0.1 },
        assessment: { listMaxAgeDays: 90 },
      },
    });
  });

  it('reads the freshness limit of binding lists from CORDON_LIST_MAX_AGE_DAYS', () => {
    const age = (value: string) => {
      const result = parseConfig({ CORDON_LIST_MAX_AGE_DAYS: value }, {}, '/');
      return result.ok ? result.value.assessment.listMaxAgeDays : result.error.map((p) => p.field);
    };
    expect(age('30')).toBe(30);
    expect(age('0')).toEqual(['CORDON_LIST_MAX_AGE_DAYS']);
    expect(age('two')).toEqual(['CORDON_LIST_MAX_AGE_DAYS']);
  });

  it('reads how long a verified API token is believed from CORDON_AUTH_CACHE_SECONDS', () => {
    const cache = (value: string) => {
      const result = parseConfig({ CORDON_AUTH_CACHE_SECONDS: value }, {}, '/');
      return result.ok ? result.value.auth.tokenCacheMs : result.error.map((p) => p.field);
    };
    expect(cache('0')).toBe(0);
    expect(cache('30')).toBe(30_000);
    expect(cache('301')).toEqual(['CORDON_AUTH_CACHE_SECONDS']);
    expect(cache('-1')).toEqual(['CORDON_AUTH_CACHE_SECONDS']);
  });

  it('reads the screening thresholds of the deployment from CORDON_SCREENING_REVIEW and _STRONG', () => {
    const result = parseConfig(
      { CORDON_SCREENING_REVIEW: '0.75', CORDON_SCREENING_STRONG: '0.9' },
      {},
      '/',
    );
    expect(result.ok && result.value.screening).toEqual({
      thresholds: { review: 0.75, strong: 0.9 },
    });
  });

  it('refuses screening thresholds outside (0, 1] or a review threshold above the strong one', () => {
    const result = parseConfig(
      { CORDON_SCREENING_REVIEW: 'high', CORDON_SCREENING_STRONG: '1.5' },
      {},
      '/',
    );
    expect(!result.ok && result.error.map((p) => p.field)).toEqual([
      'CORDON_SCREENING_REVIEW',
      'CORDON_SCREENING_STRONG',
    ]);
    const inverted = parseConfig(
      { CORDON_SCREENING_REVIEW: '0.9', CORDON_SCREENING_STRONG: '0.85' },
      {},
      '/',
    );
    expect(!inverted.ok && inverted.error).toEqual([
      expect.objectContaining({ field: 'CORDON_SCREENING_REVIEW' }),
    ]);
  });

  it('reads which reverse proxies to trust from CORDON_TRUST_PROXY, and names it when it is bad', () => {
    const trust = (value: string) => {
      const result = parseConfig({ CORDON_TRUST_PROXY: value }, {}, '/');
      return result.ok ? result.value.http.trustProxy : result.error.map((p) => p.field);
    };
    expect(trust('true')).toBe(true);
    expect(trust('FALSE')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(trust('0')).toEqual(['CORDON_TRUST_PROXY']);
    expect(trust('the load balancer')).toEqual(['CORDON_TRUST_PROXY']);
  });

  it('lets flags override the environment', () => {
    const result = parseConfig(
      { PORT: '9000', HOST: '0.0.0.0', CORDON_DATA_DIR: '/var/a' },
      { port: '9100', dataDir: 'b' },
      '/srv',
    );
    expect(result.ok && result.value.http).toMatchObject({ host: '0.0.0.0', port: 9100 });
    expect(result.ok && result.value.database).toEqual({ engine: 'embedded', dataDir: '/srv/b' });
  });

  it('selects PostgreSQL when DATABASE_URL is set, and describes it without the password', () => {
    const result = parseConfig(
      { DATABASE_URL: 'postgres://u:secret@db.example:6543/cordon' },
      {},
      '/',
    );
    expect(result.ok && result.value.database).toEqual({
      engine: 'postgres',
      url: 'postgres://u:secret@db.example:6543/cordon',
      target: 'db.example:6543/cordon',
    });
  });

  it('names every bad setting at once, by the variable or flag the user wrote', () => {
    const result = parseConfig(
      { PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' },
      { host: 'a b' },
      '/',
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.map((p) => p.field)).toEqual([
      'PORT',
      '--host',
      'LOG_LEVEL',
      'DATABASE_URL',
    ]);
  });

  it('refuses a port above 65535 and accepts 0 (pick a free port)', () => {
    expect(parseConfig({ PORT: '70000' }, {}, '/').ok).toBe(false);
    const zero = parseConfig({ PORT: '0' }, {}, '/');
    expect(zero.ok && zero.value.http.port).toBe(0);
  });

  it('treats an empty variable as unset', () => {
    const result = parseConfig({ DATABASE_URL: '', PORT: ' ' }, {}, '/x');
    expect(result.ok && result.value.database.engine).toBe('embedded');
    expect(result.ok && result.value.http.port).toBe(8080);
  });
});

describe(describePostgresUrl.name, () => {
  it('fills in the default port and says when the database name is missing', () => {
    expect(describePostgresUrl('postgresql://localhost')).toEqual({
      ok: true,
      value: 'localhost:5432/(default database)',
    });
  });

  it('refuses what is not a URL', () => {
    expect(describePostgresUrl('localhost:5432').ok).toBe(false);
  });
});

describe(parseLetterSettings.name, () => {
  it('defaults to a nameless authority, en-GB dates in UTC and the local server as public address', () => {
    expect(parseLetterSettings({ PORT: '9090' })).toEqual({
      ok: true,
      value: {
        authorityName: 'The licensing authority',
        authorityAddress: [],
        locale: 'en-GB',
        timeZone: 'UTC',
        publicUrl: 'http://localhost:9090',
      },
    });
  });

  it('takes the letterhead, signatory, locale, time zone and public address from the environment', () => {
    expect(
      parseLetterSettings({
        CORDON_AUTHORITY_NAME: 'Export Control Joint Unit',
        CORDON_AUTHORITY_ADDRESS: 'Old Admiralty Building; London SW1A 2DY',
        CORDON_AUTHORITY_SIGNATORY: 'J. Smith, Head of Licensing',
        CORDON_AUTHORITY_LOCALE: 'de-DE',
        CORDON_AUTHORITY_TIMEZONE: 'Europe/Berlin',
        CORDON_PUBLIC_URL: 'https://licences.example.gov/',
      }),
    ).toEqual({
      ok: true,
      value: {
        authorityName: 'Export Control Joint Unit',
        authorityAddress: ['Old Admiralty Building', 'London SW1A 2DY'],
        signatory: 'J. Smith, Head of Licensing',
        locale: 'de-DE',
        timeZone: 'Europe/Berlin',
        publicUrl: 'https://licences.example.gov',
      },
    });
  });

  it('names every bad setting', () => {
    const parsed = parseLetterSettings({
      CORDON_AUTHORITY_LOCALE: 'not a locale!',
      CORDON_AUTHORITY_TIMEZONE: 'Mars/Olympus',
      CORDON_PUBLIC_URL: 'licences.example.gov',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.map((p) => p.field)).toEqual([
      'CORDON_AUTHORITY_LOCALE',
      'CORDON_AUTHORITY_TIMEZONE',
      'CORDON_PUBLIC_URL',
    ]);
  });
});
