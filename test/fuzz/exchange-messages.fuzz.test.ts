import fc from 'fast-check';
import { jsonPaths, replaceAt, type Json } from './json-mutation.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  generateNodeKey,
  joseMessageSigner,
  joseSignatureVerifier,
} from '../../src/adapters/exchange/jose-signatures.ts';
import type { ExchangeDeps } from '../../src/application/exchange/exchange-deps.ts';
import { addPartner } from '../../src/application/exchange/manage-partners.ts';
import { headerHash } from '../../src/application/exchange/publish-message.ts';
import { receiveEntries } from '../../src/application/exchange/receive-messages.ts';
import type { MessageSigner } from '../../src/application/ports/message-signer.ts';
import {
  messageKinds,
  parseBody,
  parseHeader,
  type DenialNotificationBody,
  type MessageHeader,
} from '../../src/domain/exchange/exchange-message.ts';
import { canonicalJson } from '../../src/domain/shared/canonical-json.ts';
import { err } from '../../src/domain/shared/result.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';
import { inMemoryAuditLog, testSha256 } from '../fakes/in-memory-audit-log.ts';
import { inMemoryCaseStore } from '../fakes/in-memory-case-store.ts';
import { inMemoryExchangeStore } from '../fakes/in-memory-exchange-store.ts';
import { fuzzParameters, perInputBudgetMs } from './fuzz-runs.ts';
import { buildProposedEntry } from '../factories/proposed-entry.ts';

// Messages from partner states are hostile input twice over: anyone on the network can send
// bytes, and a partner holding a pinned key can still sign a malformed or malicious body.

const clock = fixedClock('2026-11-22T10:00:00Z');

const denial: DenialNotificationBody = {
  reference: 'US-2026-1',
  deniedOn: '2026-11-20',
  controlEntries: ['5A001.j'],
  itemDescription: 'IP network surveillance system',
  destination: 'EG',
  endUse: 'Lawful interception',
  parties: [{ role: 'end-user', name: 'National Telecommunications Regulatory Authority' }],
  criteria: [{ code: 'US-ECRA-4813', reason: 'human rights' }],
  reviewBy: '2029-11-20',
};

/** A control proposal as the exchange carries it (version 1), a position on it, a withdrawal. */
const proposal = {
  proposalId: 'US-BIS-proposal-1',
  version: 1,
  title: 'Facial recognition systems for mass surveillance',
  entry: buildProposedEntry({
    entryId: 'US-PROP-FRT-1',
    parameters: [{ name: 'faces per second', value: '>= 100' }],
  }),
  rationale: 'Used to identify protesters.',
  evidence: [{ text: 'Protesters identified.', source: 'Amnesty', textStatus: 'paraphrase' }],
  reasonsForControl: ['HR'],
};
const position = {
  proposalId: 'US-BIS-proposal-1',
  version: 1,
  position: 'adopted',
  adoption: { nationalEntryId: 'NO-5A991', legalInstrument: 'FOR-2026', effectiveOn: '2027-01-01' },
};
const proposalWithdrawal = { proposalId: 'US-BIS-proposal-1', reason: 'Superseded.' };

/** Bodies of every shape the exchange carries, each to be mutated. */
const anyBody = (): fc.Arbitrary<Json> =>
  fc.oneof(
    mutationOf(denial),
    mutationOf(proposal),
    mutationOf(position),
    mutationOf(proposalWithdrawal),
  );

const validHeader = (body: unknown, kind = 'denial-notification'): MessageHeader =>
  ({
    v: 1,
    sender: 'US-BIS',
    sequence: 1,
    previousHash: null,
    issuedAt: '2026-11-21T09:00:00.000Z',
    kind,
    recipients: 'all',
    bodyHash: testSha256(canonicalJson(body)),
  }) as MessageHeader;

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', ' ', '\u0000', 'NaN', -1, 0, 1e308, 2 ** 53, '__proto__', [], {}),
  fc.constantFrom(...messageKinds, 'all', 'US-BIS', 'GB-ECJU', '2026-11-20', 'a'.repeat(64)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as Json),
);

/** `value` with 1-4 fields replaced by hostile values or removed. */
const mutationOf = (value: Json): fc.Arbitrary<Json> => {
  const all = jsonPaths(value);
  return (
    fc
      .array(fc.tuple(fc.constantFrom(...all), fc.option(hostileValue, { nil: undefined })), {
        minLength: 1,
        maxLength: 4,
      })
      .map((edits) => edits.reduce<Json>((v, [at, next]) => replaceAt(v, at, next), value))
      // As it travels: JSON has no `undefined` (a removed root is null, array holes become null).
      .map((v) => JSON.parse(JSON.stringify(v ?? null)) as Json)
  );
};

const noPollution = () => {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
};

describe('received exchange messages under fuzzing: parsing', () => {
  it(`${parseHeader.name} answers any mutation of a header, or any JSON, with a header or a reason`, () => {
    fc.assert(
      fc.property(
        fc.oneof(mutationOf(validHeader(denial)), fc.jsonValue({ maxDepth: 3 })),
        (raw) => {
          const parsed = parseHeader(raw);
          if (!parsed.ok) expect(typeof parsed.error).toBe('string');
          else expect(parsed.value.v).toBe(1);
          noPollution();
        },
      ),
      fuzzParameters(500),
    );
  });

  it(`${parseBody.name} answers any mutation of a body, of any kind, with the body or a reason`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...messageKinds),
        fc.oneof(anyBody(), fc.jsonValue({ maxDepth: 3 })),
        (kind, raw) => {
          const parsed = parseBody(kind, raw);
          expect(parsed.ok ? 'a body' : parsed.error).not.toBe('');
          noPollution();
        },
      ),
      fuzzParameters(500),
    );
  });
});

describe('received exchange messages under fuzzing: verification and application', () => {
  let signer: MessageSigner;
  let publicKey = '';
  let genuine = '';

  beforeAll(async () => {
    const key = await generateNodeKey(clock.now());
    signer = await joseMessageSigner('US-BIS', [key]);
    publicKey = String(key.publicJwk.x);
    genuine = await signer.sign(canonicalJson(validHeader(denial)));
  });

  /** A receiving node (GB-ECJU) that pins US-BIS's key; fresh for every input. */
  async function receiver() {
    const store = inMemoryExchangeStore(() => clock.now());
    const deps: ExchangeDeps = {
      store,
      signer: err('this node does not sign in the fuzz test'),
      verifier: joseSignatureVerifier,
      feed: { fetch: () => Promise.resolve(err('offline')) },
      cases: inMemoryCaseStore(inMemoryAuditLog(clock)),
      clock,
      sha256: testSha256,
      policy: {
        redactExporter: true,
        reviewYears: 3,
        partnerUrls: { allowLoopbackHttp: true, allowedPrivate: [] },
      },
    };
    const added = await addPartner(deps, 'fuzz', {
      id: 'US-BIS',
      url: 'http://127.0.0.1:1',
      publicKey,
    });
    if (!added.ok) throw new Error(added.error.message);
    const partner = await store.partner('US-BIS');
    if (partner === undefined) throw new Error('no partner');
    return { deps, partner, store };
  }

  /**
   * Whether a JWS decodes to exactly the genuine header, payload and signature. Base64url leaves
   * the low bits of a segment's last character unused, and the verifier (jose) ignores them, so
   * one signed message has several spellings (found by this fuzzer): re-spelling it is not
   * tampering, since nothing a partner reads changes.
   */
  const sameSignedContent = (jws: string): boolean => {
    const decode = (text: string) =>
      text.split('.').map((segment) => Buffer.from(segment, 'base64url').toString('hex'));
    return decode(jws).join('.') === decode(genuine).join('.');
  };

  it('accepts a re-spelled JWS (unused base64url bits changed) only as the very message that was signed', async () => {
    const last = genuine.at(-1) ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // The signature's last character carries 2 bits; the other 4 are unused.
    const respelled = Array.from(alphabet)
      .filter((c) => c !== last && alphabet.indexOf(c) >> 4 === alphabet.indexOf(last) >> 4)
      .map((c) => genuine.slice(0, -1) + c);
    expect(respelled).toHaveLength(15);
    for (const jws of respelled) {
      expect(sameSignedContent(jws)).toBe(true);
      const { deps, partner, store } = await receiver();
      const summary = await receiveEntries(
        deps,
        partner,
        [{ sequence: 1, jws, body: denial }],
        'GB-ECJU',
      );
      if (summary.accepted === 1) {
        expect((await store.denials({})).map((d) => d.reference)).toEqual([denial.reference]);
      } else {
        expect(summary.rejected).toHaveLength(1);
      }
    }
  });

  it('never accepts a tampered signature, header or body, and never throws on one', async () => {
    const tampered = fc.oneof(
      // Bytes of the compact JWS changed, cut or padded.
      fc
        .tuple(fc.nat(), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 }))
        .map(([at, text]) => {
          const i = at % genuine.length;
          return { jws: genuine.slice(0, i) + text + genuine.slice(i + text.length), body: denial };
        })
        .filter((e) => !sameSignedContent(e.jws)),
      fc.nat().map((at) => ({ jws: genuine.slice(0, at % genuine.length), body: denial })),
      fc.string({ maxLength: 300 }).map((jws) => ({ jws, body: denial })),
      // The genuine signature with a changed body.
      mutationOf(denial)
        .filter((body) => canonicalJson(body) !== canonicalJson(denial))
        .map((body) => ({ jws: genuine, body })),
    );
    await fc.assert(
      fc.asyncProperty(tampered, async (entry) => {
        const { deps, partner, store } = await receiver();
        const started = performance.now();
        const summary = await receiveEntries(deps, partner, [{ sequence: 1, ...entry }], 'GB-ECJU');
        expect(performance.now() - started).toBeLessThan(perInputBudgetMs);
        expect(summary.accepted).toBe(0);
        expect(summary.rejected).toHaveLength(1);
        expect(await store.denials({})).toEqual([]);
        noPollution();
      }),
      fuzzParameters(200),
    );
  });

  it('answers a hostile message signed with a pinned key (a faulty or malicious partner) with acceptance or a recorded rejection, never an exception', async () => {
    const signedHostile = fc
      .tuple(fc.constantFrom(...messageKinds), fc.oneof(mutationOf(denial), anyBody()))
      .chain(([kind, body]) =>
        fc.record({
          body: fc.constant(body),
          header: fc.oneof(
            fc.constant(validHeader(body, kind) as Json),
            mutationOf(validHeader(body, kind)),
          ),
        }),
      );
    await fc.assert(
      fc.asyncProperty(signedHostile, async ({ header, body }) => {
        const { deps, partner } = await receiver();
        const jws = await signer.sign(canonicalJson(header));
        const started = performance.now();
        const summary = await receiveEntries(
          deps,
          partner,
          [{ sequence: 1, jws, body }],
          'GB-ECJU',
        );
        expect(performance.now() - started).toBeLessThan(perInputBudgetMs);
        expect(
          summary.accepted + summary.withheld + summary.skipped.length + summary.rejected.length,
        ).toBe(1);
        noPollution();
      }),
      fuzzParameters(200),
    );
  });

  it('skips a verified message of a kind it does not know, records it, and accepts what follows on the chain', async () => {
    const unknownKinds = fc
      .stringMatching(/^[a-z][a-z0-9-]{1,30}$/)
      .filter((k) => !(messageKinds as readonly string[]).includes(k));
    await fc.assert(
      fc.asyncProperty(unknownKinds, fc.jsonValue({ maxDepth: 3 }), async (kind, body) => {
        const { deps, partner, store } = await receiver();
        const first = validHeader(body, kind);
        const second: MessageHeader = {
          ...validHeader(denial),
          sequence: 2,
          previousHash: headerHash(testSha256, first),
        };
        const summary = await receiveEntries(
          deps,
          partner,
          [
            { sequence: 1, jws: await signer.sign(canonicalJson(first)), body },
            { sequence: 2, jws: await signer.sign(canonicalJson(second)), body: denial },
          ],
          'GB-ECJU',
        );
        expect(summary.skipped).toEqual([{ sequence: 1, kind }]);
        expect(summary.accepted).toBe(1);
        expect(summary.rejected).toEqual([]);
        expect((await store.rejected(10)).map((r) => r.reason)).toEqual(['unknown-kind']);
        expect((await store.denials({})).map((d) => d.reference)).toEqual([denial.reference]);
        noPollution();
      }),
      fuzzParameters(100),
    );
  });
});
