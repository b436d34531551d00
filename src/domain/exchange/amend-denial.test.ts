import { describe, expect, it } from 'vitest';
import { amendDenial } from './amend-denial.ts';
import type { DenialNotificationBody } from './exchange-message.ts';

const denial: DenialNotificationBody = {
  reference: 'US-2026-00001',
  deniedOn: '2026-11-20',
  controlEntries: ['5A001.j'],
  itemDescription: 'IP network surveillance system',
  destination: 'CN',
  endUse: 'Monitoring of internet users',
  parties: [{ role: 'end-user', name: 'Xinjiang Lianhai Chuangzhi', country: 'CN' }],
  criteria: [{ code: 'CRITERION-HR', reason: 'internal repression' }],
  reviewBy: '2029-11-20',
};

describe(amendDenial.name, () => {
  it('replaces the corrected fields, keeps the reference and date, and lists what changed', () => {
    const parties = [
      {
        role: 'end-user',
        name: 'Xinjiang Lianhai Chuangzhi Information Technology Co., Ltd.',
        aliases: ['新疆联海创智信息科技有限公司'],
        address: 'Urumqi',
        country: 'CN',
      },
    ];
    const amended = amendDenial(denial, { parties, endUse: denial.endUse });
    expect(amended).toEqual({
      ok: true,
      value: { denial: { ...denial, parties }, changed: ['parties'] },
    });
  });

  it('refuses a correction that changes nothing', () => {
    expect(amendDenial(denial, { destination: 'CN' })).toEqual({
      ok: false,
      error: 'the amendment changes nothing',
    });
  });

  it('refuses a correction that leaves the denial malformed', () => {
    expect(amendDenial(denial, { destination: 'China' })).toEqual({
      ok: false,
      error: 'destination must be a country code',
    });
    expect(
      amendDenial(denial, { parties: [{ role: 'end-user', name: 'X', aliases: [''] }] }).ok,
    ).toBe(false);
  });
});
