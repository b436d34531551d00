import type { Migration } from 'kysely';
import * as instance from './2026-11-22-0001-instance.ts';
import * as listSnapshots from './2026-11-22-0002-list-snapshots.ts';
import * as peopleAudit from './2026-11-29-0003-people-audit.ts';
import * as cases from './2026-11-29-0004-cases.ts';
import * as exchange from './2026-11-29-0005-exchange.ts';
import * as batches from './2026-11-29-0006-batches.ts';
import * as caseAttachments from './2026-11-30-0007-case-attachments.ts';
import * as exchangeAlerts from './2026-11-30-0008-exchange-alerts.ts';
import * as countryIndicators from './2026-11-30-0009-country-indicators.ts';
import * as rateLimits from './2026-11-30-0010-rate-limits.ts';
import * as standingBatches from './2026-11-30-0011-standing-batches.ts';
import * as peopleHardening from './2026-12-06-0012-people-hardening.ts';
import * as auditWitnesses from './2026-12-06-0013-audit-witnesses.ts';
import * as controlProposals from './2026-12-07-0014-control-proposals.ts';
import * as publicConsultations from './2026-12-07-0015-public-consultations.ts';
import * as notifications from './2026-12-07-0016-notifications.ts';

/**
 * Every migration, in order. Listed by hand rather than read from the folder so that the same list
 * serves the CLI, the server, the tests and a bundled build. Names sort in the order they run;
 * never rename or edit a migration that has shipped: add a new one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-22-0001-instance': instance,
  '2026-11-22-0002-list-snapshots': listSnapshots,
  '2026-11-29-0003-people-audit': peopleAudit,
  '2026-11-29-0004-cases': cases,
  '2026-11-29-0005-exchange': exchange,
  '2026-11-29-0006-batches': batches,
  '2026-11-30-0007-case-attachments': caseAttachments,
  '2026-11-30-0008-exchange-alerts': exchangeAlerts,
  '2026-11-30-0009-country-indicators': countryIndicators,
  '2026-11-30-0010-rate-limits': rateLimits,
  '2026-11-30-0011-standing-batches': standingBatches,
  '2026-12-06-0012-people-hardening': peopleHardening,
  '2026-12-06-0013-audit-witnesses': auditWitnesses,
  '2026-12-07-0014-control-proposals': controlProposals,
  '2026-12-07-0015-public-consultations': publicConsultations,
  '2026-12-07-0016-notifications': notifications,
};
