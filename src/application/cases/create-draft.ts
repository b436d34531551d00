import { draftCase } from '../../domain/licensing/case-transitions.ts';
import { actorOf, type Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecord, CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';

const jurisdictionOf = (application: Readonly<Record<string, unknown>>): string =>
  typeof application.jurisdiction === 'string' ? application.jurisdiction : '';

/** An exporter opens a draft application; every problem of the application is listed at once. */
export async function createDraft(
  deps: CaseDepsOf<'assessor' | 'clock' | 'secrets', CaseRecordStore>,
  principal: Principal,
  application: unknown,
  requestId?: string,
): Promise<Result<CaseRecord, CordonError>> {
  if (principal.organisationKind !== 'exporter') {
    return err(cordonError('CORDON_FORBIDDEN', 'Only an exporter organisation can apply.'));
  }
  const valid = await deps.assessor.validate(application);
  if (!valid.ok) return valid;
  const app = application as Readonly<Record<string, unknown>>;
  const now = deps.clock.now();
  const jurisdiction = jurisdictionOf(app);
  const licenceCase = draftCase({
    id: `case-${deps.secrets.id()}`,
    reference: await deps.store.nextReference(jurisdiction, now.getUTCFullYear()),
    jurisdiction,
    exporterOrganisationId: principal.organisationId,
    now,
  });
  const record: CaseRecord = { licenceCase, application: app, history: [] };
  await deps.store.create(record, {
    actor: actorOf(principal),
    action: 'cases.create',
    objectType: 'case',
    objectId: licenceCase.id,
    requestId,
    details: { reference: licenceCase.reference, jurisdiction },
  });
  return ok(record);
}
