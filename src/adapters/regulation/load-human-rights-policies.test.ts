import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedHumanRightsPolicies } from '../../../test/fakes/shipped-human-rights.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { diffPolicyDocuments } from '../../domain/human-rights/human-rights-policy.ts';
import { renderHumanRightsPolicyJsonSchema } from './human-rights-policy-schema.ts';
import { parseHumanRightsPolicy } from './load-human-rights-policies.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const gbText = readFileSync(join(root, 'data/policies/GB/human-rights-v1.json'), 'utf8');

describe(parseHumanRightsPolicy.name, () => {
  it('loads a human-rights policy for every shipped jurisdiction, Germany included', () => {
    expect([...shippedHumanRightsPolicies().current.keys()].sort()).toEqual([
      'AU',
      'CA',
      'DE',
      'DK',
      'EU',
      'FR',
      'GB',
      'NL',
      'NO',
      'US',
    ]);
  });

  it('names the file and JSON pointer of each problem: an unknown text, a verbatim own text, thresholds out of order', () => {
    const doc = JSON.parse(gbText) as Record<string, unknown> & { legalTests: { text: unknown }[] };
    doc.legalTests[0] = { ...doc.legalTests[0], text: { ref: 'hr:NO-SUCH-TEXT' } };
    doc['thresholds'] = { medium: 0.6, high: 0.5, unacceptable: 0.8 };
    const r = parseHumanRightsPolicy(
      { display: 'GB/human-rights-v2.json', text: JSON.stringify(doc), sha256: 'x' },
      shippedRegulation().regulation,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => p.path)).toEqual(['/thresholds', '/legalTests/0/text/ref']);
    const verbatim = JSON.parse(gbText) as { factors: { destination: { basis: unknown } } };
    verbatim.factors.destination.basis = {
      text: 't',
      textStatus: 'verbatim',
      source: { title: 't', date: '2026-01-01' },
    };
    const v = parseHumanRightsPolicy(
      { display: 'x', text: JSON.stringify(verbatim), sha256: 'x' },
      shippedRegulation().regulation,
    );
    expect(v.ok).toBe(false);
  });

  it('cites no Arms Trade Treaty and no US law outside the US policy, and no presumption of denial outside US law', () => {
    const current = shippedHumanRightsPolicies().current;
    for (const [jurisdiction, policy] of current) {
      const cited = [
        ...policy.legalTests.map((t) => t.text),
        ...policy.presumptionsOfDenial.flatMap((p) => p.citations),
      ];
      expect({
        jurisdiction,
        att: cited.some((c) => /Arms Trade Treaty|ATT Art/i.test(c.source.title + c.text)),
      }).toEqual({ jurisdiction, att: false });
      if (jurisdiction === 'US') continue;
      expect({ jurisdiction, us: cited.some((c) => /15 CFR|EAR/.test(c.source.title)) }).toEqual({
        jurisdiction,
        us: false,
      });
      expect({
        jurisdiction,
        kinds: [...new Set(policy.presumptionsOfDenial.map((p) => p.kind))],
      }).toEqual({ jurisdiction, kinds: ['risk-floor'] });
    }
    expect(
      current
        .get('US' as never)
        ?.presumptionsOfDenial.find((p) => p.id === 'human-rights-listed-party')?.kind,
    ).toBe('presumption-of-denial');
  });

  it('evaluates every legal test of the current policies on its own conditions, none from the risk score except the human-rights criterion', () => {
    for (const policy of shippedHumanRightsPolicies().current.values()) {
      for (const t of policy.legalTests) {
        expect({ policy: policy.id, test: t.id, kind: t.kind }).not.toEqual({
          policy: policy.id,
          test: t.id,
          kind: 'risk-level',
        });
        if (t.kind !== 'human-rights-risk')
          expect({ test: t.id, metAt: t.metAt }).toEqual({ test: t.id, metAt: undefined });
      }
    }
    const eu = shippedHumanRightsPolicies().current.get('EU');
    expect(eu?.legalTests.find((t) => t.id === 'eu-art-5-1')).toMatchObject({
      kind: 'informed-by-authority',
    });
    expect(eu?.legalTests.find((t) => t.id === 'eu-art-5-1')?.outcome).toBeUndefined();
    expect(
      shippedHumanRightsPolicies().current.get('GB' as never)?.humanRightsCatchAll.available,
    ).toBe(false);
    expect(eu?.humanRightsCatchAll.available).toBe(true);
  });

  it('keeps the committed JSON Schema in step with the code', () => {
    expect(
      readFileSync(join(root, 'data/policies/schema/human-rights-policy.schema.json'), 'utf8'),
    ).toBe(renderHumanRightsPolicyJsonSchema());
  });
});

describe(diffPolicyDocuments.name, () => {
  it('reports a changed weight and an added country assessment by path', () => {
    const a = JSON.parse(gbText) as {
      factors: { destination: { weight: number } };
      countryAssessments: unknown[];
    };
    const b = structuredClone(a);
    b.factors.destination.weight = 0.4;
    b.countryAssessments.push({
      country: 'ZW',
      risk: 'high',
      summary: { ref: 'x' },
      sources: [],
      date: '2026-12-01',
    });
    expect(diffPolicyDocuments(a, b)).toEqual([
      { path: '/factors/destination/weight', kind: 'changed', before: 0.3, after: 0.4 },
      expect.objectContaining({ path: '/countryAssessments[ZW]', kind: 'added' }),
    ]);
  });
});
