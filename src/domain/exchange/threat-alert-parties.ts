import type { ListedParty } from '../lists/listed-party.ts';
import type { MessageReceipt, ThreatAlertBody } from './exchange-message.ts';

/** A partner's threat alert in force, with the verified message that carried it. */
export interface ReceivedThreatAlert {
  readonly sender: string;
  readonly alert: ThreatAlertBody;
  readonly message: MessageReceipt;
}

/** A party screening sees, with the line that says where it came from. */
export interface AlertedParty {
  readonly party: ListedParty;
  /** Cited in every match's explanation: sender, alert, message id, date, verified signature. */
  readonly provenance: string;
}

/** The screening source of one partner's alerts: `partner-threat-alert:US-BIS`. */
export const threatAlertSource = (sender: string): string => `partner-threat-alert:${sender}`;

/**
 * Turns partners' end-user threat alerts into parties for screening, one per named party, under
 * the source `partner-threat-alert:<sender>`, so that screening a name finds the surveillance end
 * user a partner warned of. Alerts on a diversion route describe a path rather than a party to
 * refuse, and are left to officers. Each party carries the line that every match on it cites.
 *
 * @example
 * threatAlertParties([{ sender: 'US-BIS', alert: { alertId: 'A1', subject: 'end-user', parties: [{ role: 'end-user', name: 'Lianhai' }], ... }, message }])
 * // [{ party: { source: 'partner-threat-alert:US-BIS', entityId: 'partner-threat-alert:US-BIS:A1/1', ... },
 * //    provenance: 'threat alert A1 "…" from US-BIS (message US-BIS/4 of 2026-11-30, signature verified with pinned key k1)' }]
 */
export function threatAlertParties(alerts: readonly ReceivedThreatAlert[]): AlertedParty[] {
  const parties: AlertedParty[] = [];
  for (const { sender, alert, message } of alerts) {
    if (alert.subject !== 'end-user') continue;
    const source = threatAlertSource(sender);
    const issuedOn = message.issuedAt.slice(0, 10);
    const provenance = `threat alert ${alert.alertId} "${alert.title}" from ${sender} (message ${message.id} of ${issuedOn}, signature verified with ${sender}'s pinned key ${message.keyId})`;
    alert.parties.forEach((named, i) => {
      const entityNumber = `${alert.alertId}/${String(i + 1)}`;
      const countries = named.country !== undefined ? [named.country] : alert.countries;
      parties.push({
        provenance,
        party: {
          source,
          entityId: `${source}:${entityNumber}`,
          entityNumber,
          kind: 'unknown',
          names: [
            { value: named.name, type: 'primary' },
            ...(named.aliases ?? []).map((value) => ({ value, type: 'aka' as const })),
          ],
          addresses:
            named.address === undefined
              ? []
              : [
                  {
                    text: named.address,
                    ...(named.country === undefined ? {} : { country: named.country }),
                  },
                ],
          countries: [...new Set(countries.map((c) => c.toUpperCase()))],
          programmes: ['THREAT-ALERT'],
          identifiers: [],
          dates: [{ type: 'listed', value: issuedOn, label: 'Alert issued' }],
          remarks: `${alert.title}. ${alert.description}`.trim(),
          citations: [`${sender} message ${message.id}`],
        },
      });
    });
  }
  return parties;
}
