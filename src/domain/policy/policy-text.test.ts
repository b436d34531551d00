import { describe, expect, it } from 'vitest';
import type { LegalTexts } from './legal-texts.ts';
import { policyTextResolver } from './policy-text.ts';
import type { CitedText } from './text-provenance.ts';

const article5: CitedText = {
  text: 'The text of Article 5(1), as shipped.',
  textStatus: 'verbatim',
  source: { title: 'Regulation (EU) 2021/821', date: '2021-05-20' },
};
const texts: LegalTexts = new Map([['eu-2021/821:art-5(1)', article5]]);

describe(policyTextResolver.name, () => {
  it('gives the shipped legal text a reference names', () => {
    const problems: string[] = [];
    const text = policyTextResolver(texts, 'data/policies/EU/policy-v1.json', (p) => {
      problems.push(p);
    });
    expect(text({ ref: 'eu-2021/821:art-5(1)' }, '/controls/rules/0/citations/0')).toBe(article5);
    expect(problems).toEqual([]);
  });

  it("cites the author's own words back to the file and the JSON pointer", () => {
    const text = policyTextResolver(texts, 'data/policies/EU/policy-v1.json', () => undefined);
    expect(
      text(
        {
          text: 'Member states may extend the catch-all.',
          textStatus: 'paraphrase',
          source: { title: 'Commission guidance', date: '2024-10-01', url: 'https://example.org' },
        },
        '/verification/0',
      ),
    ).toEqual({
      text: 'Member states may extend the catch-all.',
      textStatus: 'paraphrase',
      source: {
        title: 'Commission guidance',
        date: '2024-10-01',
        url: 'https://example.org',
        file: 'data/policies/EU/policy-v1.json',
        pointer: '/verification/0',
      },
    });
  });

  it('reports an unknown reference at its pointer and goes on with an unresolved seed text', () => {
    const problems: { path: string; message: string }[] = [];
    const text = policyTextResolver(texts, 'policy.json', (path, message) => {
      problems.push({ path, message });
    });
    expect(text({ ref: 'eu-2021/821:art-99' }, '/controls/regimes/1/note')).toEqual({
      text: 'eu-2021/821:art-99',
      textStatus: 'seed-unverified',
      source: { title: 'unresolved', date: '' },
    });
    expect(problems).toEqual([
      {
        path: '/controls/regimes/1/note/ref',
        message: 'no legal text "eu-2021/821:art-99" in the shipped regulation data',
      },
    ]);
  });
});
