import { threatAlertParties } from '../../domain/exchange/threat-alert-parties.ts';
import type { ThreatAlertStore } from '../ports/exchange-store.ts';
import type { ExtraScreeningParties } from '../screening/screening-index-cache.ts';

/** Partners' threat alerts as screening's extra parties, told when a message changed them. */
export interface PartnerAlertParties extends ExtraScreeningParties {
  /** Called after a partner's alert or withdrawal was applied in this process. */
  readonly changed: () => void;
}

/**
 * The parties of partners' active end-user threat alerts, for screening to index beside the
 * lists (source `partner-threat-alert:<sender>`). Only alerts that came in a verified message
 * count: our own alerts are ours to act on, and screening cites each party's message. The store's
 * alert version tells the screening cache when to rebuild; `changed()` makes it look at once.
 *
 * @example
 * const alerts = partnerAlertParties(store);
 * createScreeningService({ store: lists, thresholds, extra: alerts });
 * exchangeDeps = { ...exchangeDeps, onAlertsChanged: alerts.changed };
 */
export function partnerAlertParties(store: ThreatAlertStore): PartnerAlertParties {
  let changes = 0;
  return {
    version: () => store.alertsVersion(),
    async parties() {
      const active = await store.alerts({ status: 'active' });
      return threatAlertParties(
        active.flatMap((a) =>
          a.message === undefined ? [] : [{ sender: a.sender, alert: a.alert, message: a.message }],
        ),
      );
    },
    changes: () => changes,
    changed: () => {
      changes += 1;
    },
  };
}
