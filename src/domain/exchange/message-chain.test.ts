import { describe, expect, it } from 'vitest';
import type { MessageHeader } from './exchange-message.ts';
import { parseBody, parseHeader, unknownKindHeader } from './exchange-message.ts';
import { chainStart, checkChain, checkFeedClaims } from './message-chain.ts';

const hash = (c: string) => c.repeat(64);
const header = (sequence: number, previousHash: string | null): MessageHeader => ({
  v: 1,
  sender: 'US-BIS',
  sequence,
  previousHash,
  issuedAt: '2026-11-22T10:00:00.000Z',
  kind: 'denial-revocation',
  recipients: 'all',
  bodyHash: hash('b'),
});

describe(checkChain.name, () => {
  it('accepts the first message with no previous hash, then the next one that names it', () => {
    expect(checkChain(chainStart, header(1, null))).toEqual({ kind: 'next' });
    expect(checkChain({ lastSequence: 1, lastHash: hash('a') }, header(2, hash('a')))).toEqual({
      kind: 'next',
    });
  });
  it('calls a number already seen a replay', () => {
    expect(
      checkChain({ lastSequence: 3, lastHash: hash('a') }, header(2, hash('c'))),
    ).toMatchObject({ kind: 'replayed' });
  });
  it('calls a skipped number a gap', () => {
    expect(checkChain({ lastSequence: 3, lastHash: hash('a') }, header(5, hash('a')))).toEqual({
      kind: 'gap',
      expected: 4,
    });
  });
  it('calls a wrong previous hash a fork', () => {
    expect(
      checkChain({ lastSequence: 3, lastHash: hash('a') }, header(4, hash('d'))),
    ).toMatchObject({ kind: 'fork' });
  });
});

describe(checkFeedClaims.name, () => {
  const now = 1_800_000_000;
  const claims = {
    iss: 'GB-ECJU',
    aud: 'US-BIS',
    iat: now,
    exp: now + 300,
    scope: 'exchange-feed',
  };
  it('admits fresh claims addressed to us', () => {
    expect(checkFeedClaims(claims, 'US-BIS', now + 10)).toBeUndefined();
  });
  it('refuses expired, long-lived, misaddressed or other-purpose tokens', () => {
    expect(checkFeedClaims(claims, 'US-BIS', now + 1000)).toMatch(/expired/);
    expect(checkFeedClaims({ ...claims, exp: now + 3600 }, 'US-BIS', now)).toMatch(/five minutes/);
    expect(checkFeedClaims(claims, 'NO-DEXU', now)).toMatch(/addressed/);
    expect(checkFeedClaims({ ...claims, scope: 'admin' }, 'US-BIS', now)).toMatch(/not for/);
  });
});

describe(parseHeader.name, () => {
  it('refuses a header with a bad sequence or unknown kind', () => {
    expect(parseHeader({ ...header(1, null), sequence: 0 }).ok).toBe(false);
    expect(parseHeader({ ...header(1, null), kind: 'gossip' }).ok).toBe(false);
    expect(parseHeader(header(1, null)).ok).toBe(true);
  });

  it('names what is wrong with a hostile version or kind, even an object that cannot become text', () => {
    // `{ toString: 0 }` throws when turned into a string (the fuzzer found it).
    expect(parseHeader({ ...header(1, null), v: { toString: 0 } })).toEqual({
      ok: false,
      error: 'unsupported message version an object',
    });
    expect(parseHeader({ ...header(1, null), kind: [{ toString: 0 }] })).toEqual({
      ok: false,
      error: 'unknown message kind a list',
    });
    expect(parseHeader({ ...header(1, null), v: 2 })).toEqual({
      ok: false,
      error: 'unsupported message version 2',
    });
    expect(parseHeader({ ...header(1, null), kind: 'gossip' })).toEqual({
      ok: false,
      error: 'unknown message kind "gossip"',
    });
  });
});

describe(unknownKindHeader.name, () => {
  it('keeps a well-formed header of a kind this node does not know, so the chain can move past it', () => {
    expect(unknownKindHeader({ ...header(1, null), kind: 'gossip' })).toEqual({
      ...header(1, null),
      kind: 'gossip',
    });
  });

  it('is no way round the other checks: a known kind, a bad kind or a bad header gives nothing', () => {
    expect(unknownKindHeader(header(1, null))).toBeUndefined();
    expect(unknownKindHeader({ ...header(1, null), kind: 'Gossip!' })).toBeUndefined();
    expect(unknownKindHeader({ ...header(1, null), kind: 'gossip', sequence: 0 })).toBeUndefined();
  });
});

describe(parseBody.name, () => {
  it('names what a body lacks', () => {
    expect(parseBody('denial-revocation', { reference: 'US-1' })).toEqual({
      ok: false,
      error: 'reason is required',
    });
  });

  it('accepts the withdrawal of a threat alert only with the alert id and a reason', () => {
    expect(parseBody('threat-alert-withdrawal', { alertId: 'A1', reason: 'resolved' }).ok).toBe(
      true,
    );
    expect(parseBody('threat-alert-withdrawal', { alertId: 'A1' })).toEqual({
      ok: false,
      error: 'alertId and reason are required',
    });
  });

  it('refuses a party whose aliases are not a list of names', () => {
    const alert = {
      alertId: 'A1',
      subject: 'end-user',
      title: 'T',
      description: '',
      countries: [],
      parties: [{ role: 'end-user', name: 'X', aliases: 'Y' }],
    };
    expect(parseBody('threat-alert', alert)).toEqual({
      ok: false,
      error: 'parties must be a list of { role, name, aliases? }',
    });
  });
});
