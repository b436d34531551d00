import { describe, expect, it } from 'vitest';
import type { DenialNotificationBody } from './exchange-message.ts';
import { matchDenials, type TransactionFacts } from './essentially-identical.ts';

const denial: DenialNotificationBody = {
  reference: 'US-2026-00001',
  deniedOn: '2026-11-20',
  controlEntries: ['5A001.j'],
  itemDescription:
    'IP network surveillance system: deep packet inspection, interception and analysis of internet traffic',
  destination: 'CN',
  endUse: 'Monitoring of internet users by the public security bureau',
  parties: [
    {
      role: 'end-user',
      name: 'Xinjiang Lianhai Chuangzhi Information Technology Co., Ltd.',
      country: 'CN',
    },
  ],
  criteria: [{ code: 'US-15CFR742.7', reason: 'human rights' }],
  reviewBy: '2029-11-20',
};
const active = [{ sender: 'US-BIS', reference: denial.reference, denial }];

const facts = (overrides: Partial<TransactionFacts>): TransactionFacts => ({
  destination: 'CN',
  parties: [{ role: 'end-user', name: '新疆联海创智信息科技有限公司', country: 'CN' }],
  controlEntries: ['5A001.j'],
  itemText: 'IP traffic surveillance platform with deep packet inspection',
  ...overrides,
});

describe(matchDenials.name, () => {
  it('finds the denied end user written in Chinese script and calls the transaction essentially identical', () => {
    const [match] = matchDenials(active, facts({}));
    expect(match).toMatchObject({
      sender: 'US-BIS',
      essentiallyIdentical: true,
      sharedControlEntries: ['5A001.j'],
    });
  });

  it('finds the denied end user through a typo', () => {
    const [match] = matchDenials(
      active,
      facts({
        parties: [
          { role: 'end-user', name: 'Xinjiang Lianhai Chuangzi Informaton Technology Co Ltd' },
        ],
      }),
    );
    expect(match?.essentiallyIdentical).toBe(true);
  });

  it('matches the party but not the transaction when the destination differs', () => {
    const [match] = matchDenials(active, facts({ destination: 'KZ' }));
    expect(match).toMatchObject({ sameDestination: false, essentiallyIdentical: false });
  });

  it('compares goods by item words when no control entry is shared', () => {
    const [match] = matchDenials(
      active,
      facts({
        controlEntries: [],
        itemText: 'Internet traffic interception and analysis system with deep packet inspection',
      }),
    );
    expect(match?.essentiallyIdentical).toBe(true);
    const [office] = matchDenials(
      active,
      facts({ controlEntries: [], itemText: 'Office printers and toner' }),
    );
    expect(office?.essentiallyIdentical).toBe(false);
  });

  it('finds nothing for an unrelated party', () => {
    expect(
      matchDenials(
        active,
        facts({ parties: [{ role: 'end-user', name: 'Oslo University Hospital' }] }),
      ),
    ).toEqual([]);
  });

  it('matches an alias the denying state added, and names the alias that matched', () => {
    const aliased = {
      ...denial,
      parties: [{ role: 'end-user', name: 'Unit 8341', aliases: ['Tianshan Netguard Bureau'] }],
    };
    const [match] = matchDenials(
      [{ sender: 'US-BIS', reference: denial.reference, denial: aliased }],
      facts({ parties: [{ role: 'end-user', name: 'Tianshan Net-Guard Bureau' }] }),
    );
    expect(match).toMatchObject({
      essentiallyIdentical: true,
      party: { deniedName: 'Tianshan Netguard Bureau', role: 'end-user' },
    });
  });
});
