import { describe, expect, it } from 'vitest';
import { citationLabel, textStatusFrom, weakestStatus } from './text-provenance.ts';

describe(textStatusFrom.name, () => {
  it.each([
    ['verbatim EU Annex I', 'verbatim'],
    ['verbatim (eCFR part 744 XML, retrieved 2026-07-23)', 'verbatim'],
    ['verbatim paragraphs 1-3; interpretation paragraph 4 not fully captured', 'verbatim'],
    [
      'verbatim-equivalent to EU Annex I definition (see eu_2021_821_cyber_surveillance_extracts.json)',
      'paraphrase',
    ],
    ['verbatim as quoted by WorldECR (https://worldecr.com/?p=2022965)', 'paraphrase'],
    [
      'verbatim_from_cited_source (definition quoted in Steptoe and WorldECR articles)',
      'paraphrase',
    ],
    ['partial_verbatim (celutek.com copy of older CCL text; eCFR extract)', 'paraphrase'],
    [
      'mixed: US reason-for-control rows verbatim from eCFR extract; parameters paraphrased',
      'paraphrase',
    ],
    ['paraphrase_from_domain_knowledge__verify_against_official_text', 'paraphrase'],
    ['summary_of_cited_sources', 'paraphrase'],
    [
      'best_knowledge__verify_against_EU_Sanctions_Map_and_UN_SC_committee_pages',
      'seed-unverified',
    ],
    ['low', 'seed-unverified'],
  ])(
    'reads "%s" as %s: only a plain "verbatim" from a stored official copy counts as legal text',
    (raw, status) => {
      expect(textStatusFrom(raw)).toBe(status);
    },
  );
});

describe(weakestStatus.name, () => {
  it('rates a conclusion by its least verified text', () => {
    expect(weakestStatus(['verbatim', 'paraphrase'])).toBe('paraphrase');
    expect(weakestStatus(['verbatim', 'seed-unverified', 'paraphrase'])).toBe('seed-unverified');
    expect(weakestStatus([])).toBe('verbatim');
  });
});

describe(citationLabel.name, () => {
  it('labels a paraphrase so that no reader takes it for the law', () => {
    const source = { title: 'Seed', date: '2026-11-22' };
    expect(citationLabel({ text: 'x', textStatus: 'paraphrase', source })).toBe(
      'PARAPHRASE, not legal text: Seed (2026-11-22)',
    );
    expect(citationLabel({ text: 'x', textStatus: 'verbatim', source })).toBe(
      'verbatim: Seed (2026-11-22)',
    );
  });
});
