import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import type { DecisionDocumentModel } from '../../domain/licensing/decision-document.ts';
import { pdfRenderer } from './pdf-renderer.ts';

const letter: DecisionDocumentModel = {
  kind: 'refusal-letter',
  title: 'Refusal of an export licence',
  reference: 'GB-2026-00001',
  jurisdiction: 'GB',
  issuedAt: '2026-11-30T10:00:00.000Z',
  verificationCode: 'ABCDEF0123456789',
  verificationUrlPath: '/v1/documents/verify/ABCDEF0123456789',
  exporter: 'Vista Vision Analytics Ltd (GB)',
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
  provenance: '{}',
};

describe('the PDF of a refusal letter', () => {
  it('labels a paraphrase before its text, quotes only verbatim text, and says when no text is on record', async () => {
    const text = pdfText(await pdfRenderer.render(letter));
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
    at('You may appeal against this refusal until 2026-12-28 (28 days from the decision;');
  });
});
