import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import type { LetterSettings } from '../../config/config.ts';
import type { DecisionDocumentModel } from '../../domain/licensing/decision-document.ts';
import { pdfRenderer, readableProvenance } from './pdf-renderer.ts';

const settings: LetterSettings = {
  authorityName: 'Export Control Joint Unit',
  authorityAddress: ['Old Admiralty Building', 'London SW1A 2DY'],
  signatory: 'J. Smith, Head of Licensing',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  publicUrl: 'https://licences.example.gov.uk',
};

const provenance = JSON.stringify({
  listSnapshots: [{ id: 's1', source: 'us-bis-entity-list', dataDate: '2026-11-01' }],
  policy: { id: 'cordon.hr-policy', version: 3, contentHash: 'abcdef0123456789abcdef' },
  licensingPolicies: [{ id: 'uk.export-control', version: 2, contentHash: 'x' }],
  codeVersion: '0.1.0+727f56f',
});

const letter: DecisionDocumentModel = {
  kind: 'refusal-letter',
  title: 'Refusal of an export licence',
  reference: 'GB-2026-00001',
  jurisdiction: 'GB',
  issuedAt: '2026-11-30T10:00:00.000Z',
  verificationCode: 'ABCDEF0123456789',
  verificationUrlPath: '/verify/ABCDEF0123456789',
  exporter: 'Vista Vision Analytics Ltd (GB)',
  addressee: { name: 'Vista Vision Analytics Ltd', country: 'GB' },
  destination: 'CN, Xinjiang',
  parties: ['end-user: Urumqi Public Security Bureau (CN)'],
  items: ['Video analytics'],
  decision: { outcome: 'refused', decidedBy: 'so1', countersignedBy: 'so2', text: 'Refused.' },
  criteria: [
    {
      code: 'UK-SELC-2',
      reason: 'Clear risk of internal repression.',
      title: 'SELC Criterion 2',
      citation: {
        text: 'The Government will not grant a licence where there is a clear risk.',
        textStatus: 'paraphrase',
        label: 'PARAPHRASE, not legal text: UK Strategic Export Licensing Criteria (2026-11-22)',
      },
    },
    {
      code: 'EU-2021/821-Art.5',
      reason: 'Cyber-surveillance item.',
      citation: {
        text: 'An authorisation shall be required.',
        textStatus: 'verbatim',
        label: 'verbatim: Regulation (EU) 2021/821 (2023-05-26)',
      },
    },
    { code: 'UK-MADE-UP-9', reason: 'Typo.' },
  ],
  appeal: {
    until: '2026-12-28',
    days: 28,
    policy: 'cordon.case-policy v1',
    basisLabel: 'UNVERIFIED seed data, check before relying on it: Cordon (2026-11-30)',
  },
  provisos: [],
  provenance,
};

const withParty = (party: string): DecisionDocumentModel => ({
  ...letter,
  parties: [`end-user: ${party}`],
});

/** CORDON_LETTER_SAMPLE=path keeps the letter with every script, to look at. */
const writeSample = async (pdf: Uint8Array) => {
  const target = process.env['CORDON_LETTER_SAMPLE'];
  if (target !== undefined) await writeFile(target, pdf);
};

const render = (model: DecisionDocumentModel, letterSettings = settings) =>
  pdfRenderer(letterSettings).render(model);

describe('the PDF of a refusal letter', () => {
  it('labels a paraphrase before its text, quotes only verbatim text, and says when no text is on record', async () => {
    const text = pdfText(await render(letter));
    const at = (needle: string) => {
      const index = text.indexOf(needle);
      expect(index, `${needle} in:\n${text}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at('PARAPHRASE, not legal text: UK Strategic Export Licensing Criteria')).toBeLessThan(
      at('The Government will not grant a licence where there is a clear risk.'),
    );
    expect(text).not.toContain('"The Government will not grant');
    at('"An authorisation shall be required."');
    at('verbatim: Regulation (EU) 2021/821 (2023-05-26)');
    at('No text of this criterion is on record in the shipped regulation data.');
    at('You may appeal against this refusal until 28 December 2026 (28 days from the decision;');
  });

  it('prints the letterhead, the addressee, dates in the authority’s locale, the full verification address and the signatory', async () => {
    const text = pdfText(await render(letter));
    for (const needle of [
      'Export Control Joint Unit Old Admiralty Building London SW1A 2DY',
      'Date: 30 November 2026',
      'Our reference: GB-2026-00001',
      'To: Vista Vision Analytics Ltd United Kingdom (GB)',
      'to export the items below to China (CN), Xinjiang',
      'https://licences.example.gov.uk/verify/ABCDEF0123456789',
      'Verification code: ABCDEF0123456789',
      'For Export Control Joint Unit',
      'J. Smith, Head of Licensing',
    ]) {
      expect(text, needle).toContain(needle);
    }
    expect(text).toMatch(/GB-2026-00001 · verification code ABCDEF0123456789 · page 1 of \d/);
    const german = pdfText(await render(letter, { ...settings, locale: 'de-DE' }));
    expect(german).toContain('Date: 30. November 2026');
    expect(german).toContain('until 28. Dezember 2026');
    expect(german).toContain('China (CN)');
  });

  it('says in words which lists, policy and code the assessment used, with the machine record as an annex', async () => {
    const text = pdfText(await render(letter));
    expect(text).toContain(
      'screened every party against 1 restricted-party list: us-bis-entity-list (data of 1 November 2026)',
    );
    expect(text).toContain('policy cordon.hr-policy version 3 (content hash abcdef012345…)');
    expect(text).toContain('ran Cordon 0.1.0+727f56f');
    expect(text).toContain('Annex: machine record of the automated assessment');
    expect(text).toContain('"codeVersion": "0.1.0+727f56f"');
    expect(text).not.toContain('{"listSnapshots"');
  });

  it.each([
    ['Chinese', '乌鲁木齐市公安局'],
    ['Cyrillic', 'ООО «Специальные Технологии»'],
    ['Greek', 'Εθνική Υπηρεσία Πληροφοριών'],
    ['Japanese', '東京監視システム株式会社'],
    ['Korean', '서울지방경찰청'],
  ])('prints a %s party name as written, in a font that has its glyphs', async (_, name) => {
    const pdf = await render(withParty(name));
    expect(pdfText(pdf)).toContain(`end-user: ${name} `);
  });

  it.each([
    ['Arabic', 'شركة المراقبة الحديثة'],
    ['Hebrew', 'מערכות מעקב בע"מ'],
  ])(
    'prints a %s party name shaped right to left, read back in its logical order',
    async (_, name) => {
      // pdftotext reorders a right-to-left line it reads into logical order: what it gives back is
      // the name only when each word was drawn in its place, right to left.
      expect(pdfText(await render(withParty(name)))).toContain(`end-user: ${name} `);
    },
  );

  it('embeds only the glyphs a letter uses, so a letter with every script stays small', async () => {
    const pdf = await render({
      ...letter,
      parties: [
        'end-user: 乌鲁木齐市公安局 (CN)',
        'consignee: شركة المراقبة الحديثة (AE)',
        'intermediate: ООО «Специальные Технологии» (RU)',
        'intermediate: מערכות מעקב (IL)',
        'intermediate: 서울지방경찰청 (KR)',
        'intermediate: Εθνική Υπηρεσία (GR)',
      ],
    });
    expect(pdf.length).toBeLessThan(200 * 1024);
    await writeSample(pdf);
  });
});

describe(readableProvenance.name, () => {
  it('names the lists, policy and code version in a sentence, and says when nothing is on record', () => {
    const iso = (d: string) => d.slice(0, 10);
    expect(readableProvenance(provenance, iso)).toMatch(
      /^When the application was submitted, the automated assessment screened every party against 1 restricted-party list: us-bis-entity-list \(data of 2026-11-01\); weighed/,
    );
    expect(readableProvenance('{}', iso)).toBe(
      'No provenance was recorded with the assessment; the annex shows what is on record.',
    );
  });
});
