import { amendDenial, type DenialChanges } from '../../domain/exchange/amend-denial.ts';
import type { DenialNotificationBody, Recipients } from '../../domain/exchange/exchange-message.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecord } from '../ports/case-store.ts';
import type { DenialRecord, StoredMessage } from '../ports/exchange-store.ts';
import { signerOf, type ExchangeDeps } from './exchange-deps.ts';
import { publishMessage } from './publish-message.ts';

type Json = Readonly<Record<string, unknown>>;
const asObject = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const asList = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

/** Control entries an application declares and its frozen assessment found. */
export function controlEntriesOf(record: Pick<CaseRecord, 'application' | 'assessment'>): string[] {
  const declared = asList(record.application.items).flatMap((i) =>
    asList(asObject(i).controlEntries).flatMap((e) => (typeof e === 'string' ? [e] : [])),
  );
  const classified = (record.assessment?.items ?? []).flatMap((i) => [
    ...(i.controlEntries ?? []),
    ...i.classification.flatMap((c) =>
      asList(asObject(c).entries).flatMap((e) => (typeof e === 'string' ? [e] : [])),
    ),
  ]);
  return [...new Set([...declared, ...classified])];
}

const addYears = (date: Date, years: number): string => {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

/**
 * The denial notification a countersigned refusal produces: the transaction as the exporter
 * applied for it (parties, destination, goods, end use), the criteria of the refusal, and a
 * review date `reviewYears` on. The exporter is left out when `redactExporter` is set.
 */
export function denialOf(
  record: CaseRecord,
  reviewYears: number,
  redactExporter: boolean,
): DenialNotificationBody | undefined {
  const c = record.licenceCase;
  const decision = c.decision;
  if (c.outcome !== 'refused' || decision?.countersignedAt === undefined) return undefined;
  const app = record.application;
  const exporter = asObject(app.exporter);
  const exporterName = text(exporter.name);
  const exporterCountry = text(exporter.country);
  return {
    reference: c.reference,
    deniedOn: decision.countersignedAt.toISOString().slice(0, 10),
    controlEntries: controlEntriesOf(record),
    itemDescription: asList(app.items)
      .map((i) => text(asObject(i).description) ?? '')
      .filter((d) => d !== '')
      .join('; '),
    destination: text(asObject(app.destination).country) ?? '',
    endUse: text(app.endUse) ?? '',
    parties: asList(app.parties).map((p) => {
      const party = asObject(p);
      const address = text(party.address);
      const country = text(party.country);
      return {
        role: text(party.role) ?? 'party',
        name: text(party.name) ?? '',
        ...(address === undefined ? {} : { address }),
        ...(country === undefined ? {} : { country }),
      };
    }),
    criteria: decision.criteria.map((k) => ({ code: k.code, reason: k.reason })),
    reviewBy: addYears(decision.countersignedAt, reviewYears),
    ...(redactExporter || exporterName === undefined
      ? {}
      : {
          exporter: {
            name: exporterName,
            ...(exporterCountry === undefined ? {} : { country: exporterCountry }),
          },
        }),
  };
}

/**
 * A senior officer confirms that a refused, countersigned case is notified to partners: the
 * denial is signed onto our chain and kept as ours (so that it can later be revoked).
 */
export async function notifyDenial(
  deps: ExchangeDeps,
  actor: string,
  input: {
    readonly caseId: string;
    readonly recipients: Recipients;
    readonly redactExporter?: boolean;
  },
  requestId?: string,
): Promise<
  Result<{ readonly denial: DenialRecord; readonly message: StoredMessage }, CordonError>
> {
  const signer = signerOf(deps);
  if (!signer.ok) return signer;
  const record = await deps.cases.get(input.caseId);
  if (record === undefined)
    return err(cordonError('CORDON_NOT_FOUND', `No licence case ${input.caseId} exists.`));
  const body = denialOf(
    record,
    deps.policy.reviewYears,
    input.redactExporter ?? deps.policy.redactExporter,
  );
  if (body === undefined) {
    return err(
      cordonError(
        'CORDON_CASE_TRANSITION_NOT_ALLOWED',
        `Case ${record.licenceCase.reference} is ${record.licenceCase.stage}${record.licenceCase.outcome ? ` (${record.licenceCase.outcome})` : ''}: only a countersigned refusal can be notified as a denial.`,
      ),
    );
  }
  const existing = await deps.store.denial(signer.value.authorityId, body.reference);
  if (existing !== undefined) {
    return err(
      cordonError(
        'CORDON_CASE_TRANSITION_NOT_ALLOWED',
        `The refusal of ${body.reference} was already notified (${existing.status}).`,
      ),
    );
  }
  const published = await publishMessage(deps, 'denial-notification', body, input.recipients, {
    actor,
    action: 'exchange.denials.notify',
    requestId,
    details: { caseId: input.caseId, reference: body.reference },
  });
  if (!published.ok) return published;
  const denial: DenialRecord = {
    sender: signer.value.authorityId,
    reference: body.reference,
    denial: body,
    status: 'active',
    caseId: input.caseId,
    recipients: input.recipients,
    updatedAt: deps.clock.now(),
  };
  await deps.store.saveDenial(denial);
  return ok({ denial, message: published.value });
}

/**
 * One of our own denials, still in force, about to be revoked or amended with a reason: a
 * denial we never notified, one already revoked, or a missing reason is refused.
 */
async function ownActiveDenial(
  deps: ExchangeDeps,
  input: { readonly reference: string; readonly reason: string },
  change: 'revoked' | 'amended',
): Promise<Result<DenialRecord, CordonError>> {
  const signer = signerOf(deps);
  if (!signer.ok) return signer;
  const existing = await deps.store.denial(signer.value.authorityId, input.reference);
  if (existing === undefined)
    return err(cordonError('CORDON_NOT_FOUND', `We notified no denial ${input.reference}.`));
  if (existing.status === 'revoked') {
    return err(
      cordonError(
        'CORDON_CASE_TRANSITION_NOT_ALLOWED',
        change === 'revoked'
          ? `Denial ${input.reference} is already revoked.`
          : `Denial ${input.reference} is revoked: it can no longer be amended.`,
      ),
    );
  }
  if (input.reason.trim() === '') {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', `Say why the denial is ${change}.`, [
        { field: 'reason', problem: 'is required' },
      ]),
    );
  }
  return ok(existing);
}

/**
 * Revokes one of our denials: partners drop it, and blocks it caused on their cases are lifted.
 * The revocation goes to the partners the denial was notified to.
 */
export async function revokeDenial(
  deps: ExchangeDeps,
  actor: string,
  input: { readonly reference: string; readonly reason: string },
  requestId?: string,
): Promise<
  Result<{ readonly denial: DenialRecord; readonly message: StoredMessage }, CordonError>
> {
  const found = await ownActiveDenial(deps, input, 'revoked');
  if (!found.ok) return found;
  const existing = found.value;
  const published = await publishMessage(
    deps,
    'denial-revocation',
    { reference: input.reference, reason: input.reason },
    existing.recipients ?? 'all',
    {
      actor,
      action: 'exchange.denials.revoke',
      requestId,
      details: { reference: input.reference },
    },
  );
  if (!published.ok) return published;
  const denial: DenialRecord = { ...existing, status: 'revoked', updatedAt: deps.clock.now() };
  await deps.store.saveDenial(denial);
  return ok({ denial, message: published.value });
}

/**
 * Amends one of our denials (a corrected name, an alias, an address, the goods): the whole
 * amended denial is signed onto our chain as a `denial-amendment` to the partners the denial was
 * notified to, who replace their copy, so that their no-undercut check compares applications with
 * the corrected transaction. A revoked denial cannot be amended.
 */
export async function amendOwnDenial(
  deps: ExchangeDeps,
  actor: string,
  input: { readonly reference: string; readonly reason: string; readonly changes: DenialChanges },
  requestId?: string,
): Promise<
  Result<
    {
      readonly denial: DenialRecord;
      readonly changed: readonly string[];
      readonly message: StoredMessage;
    },
    CordonError
  >
> {
  const found = await ownActiveDenial(deps, input, 'amended');
  if (!found.ok) return found;
  const existing = found.value;
  const amended = amendDenial(existing.denial, input.changes);
  if (!amended.ok) {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', `The amendment is refused: ${amended.error}.`, [
        { field: 'changes', problem: amended.error },
      ]),
    );
  }
  const published = await publishMessage(
    deps,
    'denial-amendment',
    { reference: input.reference, denial: amended.value.denial, reason: input.reason },
    existing.recipients ?? 'all',
    {
      actor,
      action: 'exchange.denials.amend',
      requestId,
      details: { reference: input.reference, changed: amended.value.changed },
    },
  );
  if (!published.ok) return published;
  const denial: DenialRecord = {
    ...existing,
    denial: amended.value.denial,
    updatedAt: deps.clock.now(),
  };
  await deps.store.saveDenial(denial);
  return ok({ denial, changed: amended.value.changed, message: published.value });
}
