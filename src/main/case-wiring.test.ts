import { describe, expect, it } from 'vitest';
import { appealPeriodFor, citeCriteria } from '../domain/licensing/case-policy.ts';
import { shippedAssessmentSources } from './assessment-deps.ts';
import { defaultCaseSettings, loadCasePolicy, parseCaseSettings } from './case-wiring.ts';

describe('the shipped case policy (the highest data/routing/case-policy-v<N>.json)', () => {
  it('loads, gives every jurisdiction an appeal period, and never labels a paraphrase verbatim', async () => {
    const policy = await loadCasePolicy();
    expect(policy.version).toBe(3);
    expect(policy.separationOfDuties.distinctDuties).toEqual([
      'advise',
      'recommend',
      'decide',
      'countersign',
      'decide-appeal',
    ]);
    expect(policy.separationOfDuties.basis?.textStatus).toBe('seed-unverified');
    expect(policy.withdrawal.notifyPartnersOfPendingRefusal).toBe(true);
    expect(appealPeriodFor(policy, 'GB').days).toBe(28);
    expect(appealPeriodFor(policy, 'US').days).toBe(45);
    expect(appealPeriodFor(policy, 'NO')).toMatchObject({
      days: 28,
      basis: { textStatus: 'seed-unverified' },
    });
    const { texts } = await shippedAssessmentSources.regulation.licensingReference();
    const [selc, art5] = citeCriteria(
      [
        { code: 'UK-SELC-2', reason: 'r' },
        { code: 'EU-2021/821-Art.5', reason: 'r' },
      ],
      { policy, jurisdiction: 'GB', texts },
    );
    expect(selc?.text?.textStatus).toBe('paraphrase');
    // Art. 5 is an EU criterion: for GB it is not found in the policy, nor as a text id.
    expect(art5?.text).toBeUndefined();
    for (const criterion of policy.criteria) {
      expect(criterion.text.text, criterion.code).not.toBe('');
    }
  }, 60_000);

  it('offers no Arms Trade Treaty, no EIPA s. 7.3 and no EU Art. 5(1) as refusal criteria of dual-use licensing, and cites the sanctions prohibitions verbatim', async () => {
    const policy = await loadCasePolicy();
    expect(policy.version).toBe(3);
    const codes = policy.criteria.map((c) => c.code);
    expect(codes).not.toContain('ATT-7');
    expect(codes).not.toContain('CA-EIPA-7.3');
    expect(codes).not.toContain('EU-2021/821-Art.5');
    expect(policy.criteria.find((c) => c.code === 'EU-833/2014-Art.2')?.text).toMatchObject({
      textStatus: 'verbatim',
      text: expect.stringMatching(
        /^1\. It shall be prohibited to sell, supply, transfer or export/,
      ),
    });
  }, 60_000);
});

describe(parseCaseSettings.name, () => {
  it('takes the attachment limit from CORDON_ATTACHMENT_MAX_BYTES, naming a bad value', () => {
    expect(parseCaseSettings({})).toEqual({
      ok: true,
      value: { attachmentLimitBytes: 20 * 1024 * 1024, letters: defaultCaseSettings.letters },
    });
    expect(parseCaseSettings({ CORDON_ATTACHMENT_MAX_BYTES: '1048576' })).toEqual({
      ok: true,
      value: { attachmentLimitBytes: 1048576, letters: defaultCaseSettings.letters },
    });
    expect(parseCaseSettings({ CORDON_ATTACHMENT_MAX_BYTES: '10MB' })).toEqual({
      ok: false,
      error: [
        {
          field: 'CORDON_ATTACHMENT_MAX_BYTES',
          problem: 'must be a whole number of bytes from 1024 to 1073741824, got "10MB"',
        },
      ],
    });
  });
});
