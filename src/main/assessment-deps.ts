import path from 'node:path';
import { fileHumanRightsSources } from '../adapters/regulation/file-human-rights-sources.ts';
import { fileRegulationSources } from '../adapters/regulation/file-regulation-sources.ts';
import { repositoryRoot } from '../adapters/runtime/code-version.ts';
import { kyselyIndicatorStore } from '../adapters/db/kysely-indicator-store.ts';
import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import type { AssessmentDeps } from '../application/assessment/assess-application.ts';
import { currentIndicators } from '../application/indicators/current-indicators.ts';
import type { Clock } from '../application/ports/clock.ts';
import { assessmentPartyScreener } from '../application/assessment/assessment-party-screener.ts';
import type { ListSnapshotStore } from '../application/ports/list-snapshot-store.ts';
import type { ScreeningService } from '../application/screening/screening-service.ts';
import type { PartnerDenialSource } from '../application/ports/partner-denial-source.ts';
import { kyselyExchangeStore } from '../adapters/exchange/kysely-exchange-store.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import { sha256Text } from './people-wiring.ts';

const regulationDir = path.join(repositoryRoot, 'data', 'regulation');
const policiesDir = path.join(repositoryRoot, 'data', 'policies');

/** The shipped regulation data and human-rights policies, loaded once per process. */
export const shippedAssessmentSources = (() => {
  const regulation = fileRegulationSources({ regulationDir, policiesDir });
  return { regulation, humanRights: fileHumanRightsSources(regulation, policiesDir) };
})();

/**
 * Wires the assessment use case to the shipped data, to the process's screening service (its
 * one index of the active lists and the deployment's thresholds; the store answers `--as-of`)
 * and to the imported country indicators of the database (re-checked at most once a second when
 * given a clock).
 */
export function assessmentDeps(
  store: ListSnapshotStore,
  screening: ScreeningService,
  codeVersion: string,
  indicators?: {
    readonly database: DatabaseConnection;
    readonly clock?: Clock;
    /** CORDON_LIST_MAX_AGE_DAYS; the default of the use case when absent. */
    readonly listMaxAgeDays?: number;
  },
): AssessmentDeps {
  const { regulation, humanRights } = shippedAssessmentSources;
  return {
    ...(indicators
      ? {
          partnerDenials: exchangeDenialSource(indicators.database),
          ...(indicators.listMaxAgeDays !== undefined
            ? { listMaxAgeDays: indicators.listMaxAgeDays }
            : {}),
          ...(indicators.clock ? { clock: indicators.clock } : {}),
        }
      : {}),
    screener: assessmentPartyScreener({ screening, store }),
    reference: regulation,
    policies: regulation,
    humanRights,
    ...(indicators
      ? {
          indicators: currentIndicators(
            kyselyIndicatorStore(indicators.database.db),
            indicators.clock ? { clock: indicators.clock, recheckAfterMs: 1_000 } : {},
          ),
        }
      : {}),
    codeVersion,
  };
}

/**
 * Partners' denials in force, read from the exchange store (read only): those received from
 * partners, not our own (which carry the case they came from).
 */
export function exchangeDenialSource(database: DatabaseConnection): PartnerDenialSource {
  const store = kyselyExchangeStore(database.db, systemClock, sha256Text);
  return {
    activeDenials: async () =>
      (await store.denials({ status: 'active' }))
        .filter((d) => d.caseId === undefined)
        .map((d) => ({
          sender: d.sender,
          reference: d.reference,
          denial: d.denial,
          updatedAt: d.updatedAt,
        })),
  };
}
