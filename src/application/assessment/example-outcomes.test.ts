import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPartyMatch, fakePartyScreener } from '../../../test/fakes/fake-party-screener.ts';
import { assessmentDeps } from '../../../test/fakes/shipped-human-rights.ts';
import type { PartyMatch } from '../ports/party-screener.ts';
import { assessApplication } from './assess-application.ts';

const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'applications');

interface ExpectedBasis {
  readonly regime?: string;
  readonly rule?: string;
  readonly provision?: string;
  readonly effect: string;
  readonly review?: string;
  readonly item?: number;
  readonly cites?: string;
}
interface Expected {
  readonly outcome: string;
  readonly basis?: readonly ExpectedBasis[];
  readonly licenceStatus?: string;
  readonly notCiting?: readonly string[];
  readonly notListed?: string;
}
interface Case {
  readonly what: string;
  readonly matches: Readonly<Record<string, readonly (Partial<PartyMatch> & { name: string })[]>>;
  readonly expect: Readonly<Record<string, Expected>>;
}

const expected = JSON.parse(readFileSync(join(dir, '..', 'expected-outcomes.json'), 'utf8')) as {
  readonly cases: Readonly<Record<string, Case>>;
};

describe('the example applications of docs/examples/applications', () => {
  for (const [file, c] of Object.entries(expected.cases)) {
    describe(`${file}: ${c.what}`, () => {
      const application = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
      const screener = fakePartyScreener(
        Object.fromEntries(
          Object.entries(c.matches).map(([name, ms]) => [name, ms.map((m) => buildPartyMatch(m))]),
        ),
      );
      for (const [jurisdiction, want] of Object.entries(c.expect)) {
        it(`${jurisdiction}: ${want.outcome}${want.basis ? ` under ${want.basis.map((b) => b.regime ?? b.rule).join(', ')}` : ''}`, async () => {
          const result = await assessApplication(
            { application, jurisdiction },
            assessmentDeps(screener),
          );
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          const a = result.value;
          const licence = a.licence[jurisdiction];
          expect({ jurisdiction, outcome: a.recommendation.outcome }).toEqual({
            jurisdiction,
            outcome: want.outcome,
          });
          if (want.licenceStatus) expect(licence?.status).toBe(want.licenceStatus);
          for (const b of want.basis ?? []) {
            const found = licence?.basis.find(
              (x) =>
                (b.regime === undefined || x.regime?.id === b.regime) &&
                (b.rule === undefined || x.rule === b.rule) &&
                x.effect === b.effect &&
                (b.review === undefined || x.review === b.review) &&
                (b.item === undefined || x.item === b.item),
            );
            expect({ basis: b, found: found !== undefined }).toEqual({ basis: b, found: true });
            if (b.provision) expect(found?.regime?.provision).toBe(b.provision);
            if (b.cites)
              expect(found?.citations.map((t) => t.text)).toContainEqual(
                expect.stringContaining(b.cites),
              );
          }
          const cited = [
            ...(licence?.basis ?? []).flatMap((b) => b.citations.map((t) => t.text)),
            ...a.recommendation.criteria.map((t) => t.text.text),
          ].join('\n');
          for (const fragment of want.notCiting ?? []) expect(cited).not.toContain(fragment);
          if (want.notListed) {
            const regime = a.items[0]?.classification.find((r) => r.regime === want.notListed);
            expect(regime?.outcome).toBe('not-listed');
            expect(regime?.reasons.join(' ')).toMatch(/not listed in this regime/);
          }
          // Nothing with an uncleared strong party match, or a prohibition, is ever approvable.
          const strong = a.parties.some((p) => p.matches.some((m) => m.band === 'strong'));
          if (strong || licence?.status === 'prohibited')
            expect(['approve', 'approve-with-provisos', 'no-licence-required']).not.toContain(
              a.recommendation.outcome,
            );
        });
      }
    });
  }
});
