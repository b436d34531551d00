import { describe, expect, it } from 'vitest';
import type { ThreatAlertBody } from './exchange-message.ts';
import { threatAlertParties } from './threat-alert-parties.ts';

const alert = (overrides: Partial<ThreatAlertBody> = {}): ThreatAlertBody => ({
  alertId: 'US-BIS-alert-1',
  subject: 'end-user',
  title: 'Surveillance end user',
  description: 'Buys interception kit through front companies.',
  parties: [
    {
      role: 'end-user',
      name: 'Tianshan Netguard Bureau',
      aliases: ['天山网卫局'],
      address: 'Urumqi',
      country: 'CN',
    },
  ],
  countries: ['CN', 'AE'],
  ...overrides,
});

const message = {
  id: 'US-BIS/4',
  sequence: 4,
  hash: 'a'.repeat(64),
  issuedAt: '2026-11-30T09:15:00.000Z',
  keyId: 'us-key-1',
};

describe(threatAlertParties.name, () => {
  it('lists each party of an end-user alert under the partner as its source, citing the verified message', () => {
    const [first, ...rest] = threatAlertParties([{ sender: 'US-BIS', alert: alert(), message }]);
    expect(rest).toEqual([]);
    expect(first?.party).toMatchObject({
      source: 'partner-threat-alert:US-BIS',
      entityId: 'partner-threat-alert:US-BIS:US-BIS-alert-1/1',
      names: [
        { value: 'Tianshan Netguard Bureau', type: 'primary' },
        { value: '天山网卫局', type: 'aka' },
      ],
      addresses: [{ text: 'Urumqi', country: 'CN' }],
      countries: ['CN'],
      dates: [{ type: 'listed', value: '2026-11-30', label: 'Alert issued' }],
      citations: ['US-BIS message US-BIS/4'],
    });
    expect(first?.provenance).toBe(
      'threat alert US-BIS-alert-1 "Surveillance end user" from US-BIS (message US-BIS/4 of 2026-11-30, signature verified with US-BIS\'s pinned key us-key-1)',
    );
  });

  it("takes the alert's countries for a party whose own country is not given", () => {
    const [first] = threatAlertParties([
      {
        sender: 'GB-ECJU',
        alert: alert({ parties: [{ role: 'end-user', name: 'Netguard' }] }),
        message,
      },
    ]);
    expect(first?.party.countries).toEqual(['CN', 'AE']);
  });

  it('leaves out diversion-route alerts: they describe a path, not a party to refuse', () => {
    expect(
      threatAlertParties([
        { sender: 'US-BIS', alert: alert({ subject: 'diversion-route' }), message },
      ]),
    ).toEqual([]);
  });
});
