import { organisationSeesCases } from '../../domain/licensing/separation-of-duties.ts';
import {
  transparencyReport,
  type TransparencyReport,
} from '../../domain/licensing/transparency-report.ts';
import type { Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecordStore } from '../ports/case-store.ts';
import type { ControlCatalogueSource } from '../ports/control-catalogue-source.ts';
import type { CaseDepsOf } from './case-deps.ts';
import { reportedCase } from './reported-case.ts';

/**
 * The authority's annual transparency report for `year` (licences and refusals by destination
 * and control entry; cyber-surveillance applications and decisions), for its own staff, who
 * publish it. The cyber-surveillance entries are those the control catalogue marks as such.
 */
export async function getTransparencyReport(
  deps: CaseDepsOf<'casePolicy', CaseRecordStore> & {
    readonly catalogue: ControlCatalogueSource;
    readonly authority: string;
  },
  principal: Principal,
  year: number,
): Promise<Result<TransparencyReport, CordonError>> {
  const policy = await deps.casePolicy.current();
  if (
    principal.organisationKind === 'exporter' ||
    !organisationSeesCases(principal.organisationKind, policy.separationOfDuties)
  ) {
    return err(
      cordonError(
        'CORDON_FORBIDDEN',
        "Only the authority's staff compile its transparency report.",
      ),
    );
  }
  const catalogue = await deps.catalogue.controlCatalogue();
  const cyberSurveillanceEntries = new Set(
    catalogue.entries.filter((e) => e.cyberSurveillance).map((e) => e.id),
  );
  const records = await deps.store.list({});
  return ok(
    transparencyReport(records.map(reportedCase), {
      authority: deps.authority,
      year,
      cyberSurveillanceEntries,
    }),
  );
}
