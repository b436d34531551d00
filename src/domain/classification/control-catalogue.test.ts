import { describe, expect, it } from 'vitest';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { criterionLeaves } from './control-entry.ts';
import { findControlEntry, searchControlEntries } from './control-catalogue.ts';

const { catalogue } = shippedRegulation().regulation;

describe(findControlEntry.name, () => {
  it('finds 5A001.j case-insensitively in each of the four regimes that list it', () => {
    const found = findControlEntry(catalogue, ' 5a001.J ');
    expect(found.ok && found.value.entries.map((e) => e.key)).toEqual([
      'wassenaar:5A001.j',
      'eu:5A001.j',
      'uk:5A001.j',
      'us:5A001.j',
    ]);
  });

  it('narrows to one regime with a prefix, and reads Wassenaar numbering (5.A.1.j)', () => {
    const us = findControlEntry(catalogue, 'us:5A001.j');
    expect(us.ok && us.value.entries.map((e) => e.key)).toEqual(['us:5A001.j']);
    const wa = findControlEntry(catalogue, '5.A.1.j');
    expect(wa.ok && wa.value.entries.map((e) => e.key)).toEqual(['wassenaar:5A001.j']);
  });

  it('resolves a sub-paragraph (5A001.f.1, 5A004.b) to its entry and names the criterion', () => {
    const f1 = findControlEntry(catalogue, 'eu:5A001.f.1');
    expect(f1).toMatchObject({ ok: true, value: { id: '5A001.f', criterion: 'f.1' } });
    const b = findControlEntry(catalogue, '5a004.B');
    expect(b).toMatchObject({ ok: true, value: { id: '5A004', criterion: 'b' } });
  });

  it('resolves a US crime-control ECCN (3A981) to the group that holds it', () => {
    expect(findControlEntry(catalogue, '3A981')).toMatchObject({
      ok: true,
      value: { id: 'US-CC-BIOMETRIC', criterion: '3A981' },
    });
  });

  it('tells a malformed id from an entry outside the catalogue, and suggests related entries', () => {
    expect(findControlEntry(catalogue, 'printer')).toMatchObject({
      ok: false,
      error: { kind: 'malformed-id' },
    });
    expect(findControlEntry(catalogue, 'EAR99')).toMatchObject({
      ok: false,
      error: {
        kind: 'malformed-id',
        message: expect.stringContaining('subject to the EAR but on no ECCN'),
      },
    });
    const outside = findControlEntry(catalogue, '5A001.b');
    expect(outside).toMatchObject({
      ok: false,
      error: {
        kind: 'not-in-catalogue',
        suggestions: expect.arrayContaining(['5A001.f', '5A001.j']),
      },
    });
    expect(findControlEntry(catalogue, 'xx:5A001.j')).toMatchObject({
      ok: false,
      error: { kind: 'unknown-regime' },
    });
  });
});

describe('control entries as data', () => {
  const eu = (id: string) => catalogue.entries.find((e) => e.key === `eu:${id}`)!;

  it('gives the EU variant of 5A001.j its verbatim Annex I criteria, cut from the stored consolidated text of 2023-05-26', () => {
    const leaves = criterionLeaves(eu('5A001.j').criteria);
    expect(leaves.map((l) => l.id)).toEqual([
      'j.1.network',
      'j.1.a',
      'j.1.b',
      'j.1.c',
      'j.2.a',
      'j.2.b',
    ]);
    expect(leaves.every((l) => l.text.textStatus === 'verbatim')).toBe(true);
    expect(leaves[1]?.text).toMatchObject({
      text: 'Analysis at the application layer (e.g., Layer 7 of Open Systems Interconnection (OSI) model (ISO/IEC 7498-1))',
      source: { date: '2023-05-26', pointer: '/annex_I_entries/5A001.j/items/1' },
    });
  });

  it('keeps the Wassenaar, UK and US variants as paraphrases: the shipped data holds no verbatim copy of those lists', () => {
    for (const regime of ['wassenaar', 'uk', 'us']) {
      const entry = catalogue.entries.find((e) => e.key === `${regime}:5A001.j`)!;
      expect(entry.textStatus).toBe('paraphrase');
      expect(criterionLeaves(entry.criteria).every((l) => l.text.textStatus !== 'verbatim')).toBe(
        true,
      );
    }
  });

  it('links the "intrusion software" definition, verbatim with its notes, from 4A005, 4D004 and 4E001.c', () => {
    for (const id of ['4A005', '4D004', '4E001.c'])
      expect(eu(id).definitions).toContain('intrusion software');
    const def = catalogue.definitions.get('intrusion software')!;
    expect(def.text.textStatus).toBe('verbatim');
    expect(def.text.text).toMatch(/^"Intrusion software" \(4 5\) means/);
    expect(def.notes.some((n) => n.text.includes('Hypervisors, debuggers'))).toBe(true);
    expect(def.alternatives.some((a) => a.textStatus === 'paraphrase')).toBe(true);
  });

  it('links "hard selectors" from 5A001.j and 5D001.e, and the handover interface from 5D001.e', () => {
    expect(eu('5A001.j').definitions).toContain('hard selectors');
    expect(eu('5D001.e').definitions).toEqual(
      expect.arrayContaining(['hard selectors', 'handover interface']),
    );
  });

  it('records US reasons for control (NS and SL for 5A001.f, SL for 5A980) only on US entries', () => {
    const us = (id: string) => catalogue.entries.find((e) => e.key === `us:${id}`)!;
    expect(us('5A001.f').reasonsForControl).toEqual(['NS', 'SL']);
    expect(us('5A980').reasonsForControl).toContain('SL');
    expect(eu('5A001.f').reasonsForControl).toEqual([]);
  });

  it('marks the EU Article 5 catch-all and the proposed US facial-recognition control as no listed entries', () => {
    expect(eu('EU-ART5-NONLISTED').status).toBe('catch-all');
    expect(catalogue.entries.find((e) => e.id === 'US-PROPOSED-FACIAL-RECOGNITION')?.status).toBe(
      'proposed',
    );
  });
});

describe(searchControlEntries.name, () => {
  it('finds 5A001.f first for "IMSI catcher" and the intrusion-software entries for "intrusion software"', () => {
    expect(searchControlEntries(catalogue, 'IMSI catcher')[0]?.entry.id).toBe('5A001.f');
    const ids = searchControlEntries(catalogue, 'intrusion software', { regime: 'eu' }).map(
      (h) => h.entry.id,
    );
    expect(ids.slice(0, 3).sort()).toEqual(['4A005', '4D004', '4E001.c']);
  });

  it('finds nothing for an empty query or one of stopwords only', () => {
    expect(searchControlEntries(catalogue, '')).toEqual([]);
    expect(searchControlEntries(catalogue, 'the and for')).toEqual([]);
  });
});
