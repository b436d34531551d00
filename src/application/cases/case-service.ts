import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
import type { CaseOutcome, CaseStage } from '../../domain/licensing/case-state.ts';
import {
  applyCaseCommand,
  caseTransitions,
  draftCase,
  type CaseCommand,
} from '../../domain/licensing/case-transitions.ts';
import {
  appealPeriodFor,
  citeCriteria,
  type AssessedCriterion,
} from '../../domain/licensing/case-policy.ts';
import {
  textStatuses,
  type CitedText,
  type TextStatus,
} from '../../domain/policy/text-provenance.ts';
import { decisionDocument } from '../../domain/licensing/decision-document.ts';
import type { Actor, LicenceCase } from '../../domain/licensing/licence-case.ts';
import { routeCase, type RoutingFacts } from '../../domain/licensing/routing.ts';
import {
  decisionStatistics,
  type DecisionStatisticsRow,
} from '../../domain/licensing/statistics.ts';
import {
  actorOf,
  effectiveRoles,
  maySeeOwnedBy,
  type Principal,
} from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type {
  CaseAssessor,
  CasePolicySource,
  DocumentRenderer,
  RoutingRuleSource,
} from '../ports/case-collaborators.ts';
import type {
  CaseDocument,
  CaseEvent,
  CaseFilter,
  CaseRecord,
  CaseStore,
  FrozenAssessment,
} from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { SecretGenerator } from '../ports/secret-generator.ts';
import { caseCommandOf, type CaseActionInput } from './case-commands.ts';

export interface CaseDeps {
  readonly store: CaseStore;
  readonly assessor: CaseAssessor;
  readonly routing: RoutingRuleSource;
  /** Appeal periods and refusal criteria texts per jurisdiction (versioned data). */
  readonly casePolicy: CasePolicySource;
  readonly renderer: DocumentRenderer;
  /** The largest supporting document accepted, in bytes (CORDON_ATTACHMENT_MAX_BYTES). */
  readonly attachmentLimitBytes: number;
  readonly clock: Clock;
  readonly secrets: SecretGenerator;
  readonly sha256: (bytes: Uint8Array) => string;
  /**
   * The no-undercut check (exchange with partner states): the partners' denials this application
   * essentially repeats, each a consultation that blocks the decision until it is recorded.
   * Absent, no check is made.
   */
  readonly denialCheck?: (
    application: Readonly<Record<string, unknown>>,
    assessment: FrozenAssessment,
    licenceCase: LicenceCase,
  ) => Promise<readonly { readonly consultationId: string; readonly note: string }[]>;
}

const notFound = (id: string): CordonError =>
  cordonError('CORDON_NOT_FOUND', `No licence case ${id} exists (or it is not yours to see).`);

/** The case, if the principal may see it; exporters of other organisations get "not found". */
export async function getCase(
  deps: CaseDeps,
  principal: Principal,
  id: string,
): Promise<Result<CaseRecord, CordonError>> {
  const record = await deps.store.get(id);
  if (
    record === undefined ||
    !maySeeOwnedBy(principal, record.licenceCase.exporterOrganisationId)
  ) {
    return err(notFound(id));
  }
  return ok(record);
}

export async function listCases(
  deps: CaseDeps,
  principal: Principal,
  filter: Omit<CaseFilter, 'organisationId'>,
): Promise<readonly CaseRecord[]> {
  return deps.store.list(
    principal.organisationKind === 'exporter'
      ? { ...filter, organisationId: principal.organisationId }
      : filter,
  );
}

const jurisdictionOf = (application: Readonly<Record<string, unknown>>): string =>
  typeof application.jurisdiction === 'string' ? application.jurisdiction : '';

/** An exporter opens a draft application; every problem of the application is listed at once. */
export async function createDraft(
  deps: CaseDeps,
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

/** The role under which a principal issues a command: the first of theirs the table allows. */
function actingAs(principal: Principal, command: CaseCommand): Actor | undefined {
  const allowed = caseTransitions[command.kind].by;
  const role = effectiveRoles(principal).find((r) => allowed.includes(r));
  return role === undefined
    ? undefined
    : {
        userId: principal.userId,
        role,
        organisationId: principal.organisationId,
        name: principal.username,
      };
}

const systemActor: Actor = { userId: 'system', role: 'system', name: 'Cordon' };

const automatedOutcomeOf = (outcome: string): CaseOutcome | 'refer' => {
  switch (outcome) {
    case 'no-licence-required':
      return 'no-licence-required';
    case 'approve':
      return 'approved';
    case 'approve-with-provisos':
      return 'approved-with-provisos';
    case 'refuse':
      return 'refused';
    default:
      return 'refer';
  }
};

interface Step {
  readonly command: CaseCommand;
  readonly actor: Actor;
  readonly note?: string;
}

/** Applies steps in order; all or nothing. */
function applySteps(
  start: LicenceCase,
  steps: readonly Step[],
  now: Date,
): Result<{ readonly result: LicenceCase; readonly events: CaseEvent[] }, CordonError> {
  let current = start;
  const events: CaseEvent[] = [];
  for (const step of steps) {
    const next = applyCaseCommand(current, step.command, step.actor, now);
    if (!next.ok) return err(cordonError(next.error.code, next.error.message));
    events.push({
      version: next.value.version,
      at: now,
      actor: step.actor.name ?? step.actor.userId,
      role: step.actor.role,
      action: step.command.kind,
      fromStage: current.stage,
      toStage: next.value.stage,
      ...(step.note === undefined ? {} : { note: step.note }),
    });
    current = next.value;
  }
  return ok({ result: current, events });
}

const conflict = (reference: string, expected: number, actual: number): CordonError =>
  cordonError(
    'CORDON_CASE_VERSION_CONFLICT',
    `Case ${reference} changed meanwhile (you acted on version ${String(expected)}, it is now at ${String(actual)}); reload it and try again.`,
  );

async function persist(
  deps: CaseDeps,
  before: CaseRecord,
  after: CaseRecord,
  events: readonly CaseEvent[],
  principal: Principal,
  requestId: string | undefined,
): Promise<Result<CaseRecord, CordonError>> {
  const audit: AuditEvent[] = events.map((e) => ({
    actor: e.role === 'system' ? 'system' : actorOf(principal),
    action: `cases.${e.action}`,
    objectType: 'case',
    objectId: before.licenceCase.id,
    requestId,
    details: {
      from: e.fromStage,
      to: e.toStage,
      version: e.version,
      ...(e.note ? { note: e.note } : {}),
    },
  }));
  const saved = await deps.store.save(after, before.licenceCase.version, events, audit);
  if (!saved) {
    const current = await deps.store.get(before.licenceCase.id);
    return err(
      conflict(
        before.licenceCase.reference,
        before.licenceCase.version,
        current?.licenceCase.version ?? -1,
      ),
    );
  }
  return ok(after);
}

/**
 * The exporter submits a draft: the assessment runs and is frozen into the case (with its list
 * snapshots, policy version and code version), and the routing rules assign a queue and request
 * advice. All of it is one transition of the stored case: a crash leaves the draft as it was.
 */
export async function submitCase(
  deps: CaseDeps,
  principal: Principal,
  id: string,
  expectedVersion: number,
  requestId?: string,
): Promise<Result<CaseRecord, CordonError>> {
  const found = await getCase(deps, principal, id);
  if (!found.ok) return found;
  const record = found.value;
  if (record.licenceCase.version !== expectedVersion) {
    return err(conflict(record.licenceCase.reference, expectedVersion, record.licenceCase.version));
  }
  const exporter = actingAs(principal, { kind: 'submit' });
  if (exporter === undefined) {
    return err(cordonError('CORDON_FORBIDDEN', 'Only the exporter can submit an application.'));
  }
  const assessed = await deps.assessor.assess(record.application);
  if (!assessed.ok) return assessed;
  const assessment = assessed.value;
  const routing = routeCase(await deps.routing.current(), routingFacts(assessment));
  const blocks =
    (await deps.denialCheck?.(record.application, assessment, record.licenceCase)) ?? [];
  const now = deps.clock.now();
  const applied = applySteps(
    record.licenceCase,
    [
      { command: { kind: 'submit' }, actor: exporter },
      {
        command: {
          kind: 'begin-checks',
          automatedOutcome: automatedOutcomeOf(assessment.recommendation.outcome),
        },
        actor: systemActor,
        note: `automated recommendation: ${assessment.recommendation.outcome}, human-rights risk: ${assessment.humanRights.risk}`,
      },
      {
        command: {
          kind: 'complete-checks',
          queue: routing.queue,
          adviceRequests: routing.adviceRequests,
        },
        actor: systemActor,
        note:
          routing.fired.length > 0
            ? `routed by ${routing.ruleSet.id} v${String(routing.ruleSet.version)}: ${routing.fired.map((f) => `${f.ruleId} (${f.because})`).join('; ')}`
            : `routed by ${routing.ruleSet.id} v${String(routing.ruleSet.version)}: no rule fired`,
      },
      ...blocks.map((block) => ({
        command: { kind: 'block-for-consultation' as const, consultationId: block.consultationId },
        actor: systemActor,
        note: block.note,
      })),
    ],
    now,
  );
  if (!applied.ok) return applied;
  return persist(
    deps,
    record,
    {
      ...record,
      licenceCase: applied.value.result,
      assessment,
      routing,
      history: [...record.history, ...applied.value.events],
    },
    applied.value.events,
    principal,
    requestId,
  );
}

/** The facts of a frozen assessment that routing rules look at. */
export function routingFacts(assessment: FrozenAssessment): RoutingFacts {
  return {
    recommendation: assessment.recommendation.outcome,
    risk: assessment.humanRights.risk,
    partyTypes: assessment.parties.flatMap((p) => (p.type === undefined ? [] : [p.type])),
    // The exporter's own rating and the entries the classification found listed.
    controlEntries: assessment.items.flatMap((i) => [
      ...(i.controlEntries ?? []),
      ...i.classification.flatMap((c) => {
        const entries = (c as { entries?: unknown }).entries;
        return Array.isArray(entries)
          ? entries.filter((e): e is string => typeof e === 'string')
          : [];
      }),
    ]),
    screeningHits: assessment.parties.reduce((n, p) => n + p.matches.length, 0),
  };
}

/**
 * Any other step of the workflow (advice, recommendation, decision, countersignature, requests for
 * information, withdrawal, appeal, suspension, revocation), on the version the officer saw. A
 * countersignature issues the decision document.
 */
export async function actOnCase(
  deps: CaseDeps,
  principal: Principal,
  id: string,
  expectedVersion: number,
  command: CaseCommand,
  requestId?: string,
): Promise<Result<CaseRecord, CordonError>> {
  const found = await getCase(deps, principal, id);
  if (!found.ok) return found;
  const record = found.value;
  if (record.licenceCase.version !== expectedVersion) {
    return err(conflict(record.licenceCase.reference, expectedVersion, record.licenceCase.version));
  }
  if (command.kind === 'submit') return submitCase(deps, principal, id, expectedVersion, requestId);
  if (command.kind === 'begin-checks' || command.kind === 'complete-checks') {
    return err(cordonError('CORDON_FORBIDDEN', `${command.kind} is done by Cordon itself.`));
  }
  const withPeriod =
    command.kind === 'countersign'
      ? {
          ...command,
          appealPeriod: appealPeriodFor(
            await deps.casePolicy.current(),
            record.licenceCase.jurisdiction,
          ),
        }
      : command;
  const actor = actingAs(principal, withPeriod);
  if (actor === undefined) {
    return err(
      cordonError(
        'CORDON_FORBIDDEN',
        `Your roles (${effectiveRoles(principal).join(', ')}) may not ${command.kind.replace(/-/g, ' ')} a case; it needs ${caseTransitions[command.kind].by.join(' or ')}.`,
      ),
    );
  }
  const applied = applySteps(
    record.licenceCase,
    [{ command: withPeriod, actor }],
    deps.clock.now(),
  );
  if (!applied.ok) return applied;
  const saved = await persist(
    deps,
    record,
    {
      ...record,
      licenceCase: applied.value.result,
      history: [...record.history, ...applied.value.events],
    },
    applied.value.events,
    principal,
    requestId,
  );
  if (!saved.ok || command.kind !== 'countersign') return saved;
  const issued = await issueDocument(deps, saved.value, principal, requestId);
  return issued.ok ? saved : issued;
}

async function issueDocument(
  deps: CaseDeps,
  record: CaseRecord,
  principal: Principal,
  requestId?: string,
): Promise<Result<CaseDocument, CordonError>> {
  const code = `${deps.secrets.id()}${deps.secrets.id()}`.slice(0, 16);
  const issuedAt = deps.clock.now();
  const criteria = citeCriteria(record.licenceCase.decision?.criteria ?? [], {
    policy: await deps.casePolicy.current(),
    jurisdiction: record.licenceCase.jurisdiction,
    texts: await deps.casePolicy.legalTexts(),
    assessed: assessedCriteria(record.assessment),
  });
  const model = decisionDocument({
    licenceCase: record.licenceCase,
    application: record.application,
    provenance: JSON.stringify(record.assessment?.provenance ?? {}),
    verificationCode: code,
    issuedAt,
    criteria,
  });
  if (model === undefined) {
    return err(
      cordonError('CORDON_CASE_TRANSITION_NOT_ALLOWED', 'The decision is not countersigned.'),
    );
  }
  const pdf = await deps.renderer.render(model);
  const document: CaseDocument = {
    code,
    caseId: record.licenceCase.id,
    caseReference: record.licenceCase.reference,
    kind: model.kind,
    issuedAt,
    sha256: deps.sha256(pdf),
    pdf,
  };
  await deps.store.addDocument(document, {
    actor: actorOf(principal),
    action: 'documents.issue',
    objectType: 'case',
    objectId: record.licenceCase.id,
    requestId,
    details: { code, kind: model.kind, sha256: document.sha256 },
  });
  return ok(document);
}

/** The criteria the frozen assessment cited, with the texts it carried at submission. */
function assessedCriteria(assessment: FrozenAssessment | undefined): AssessedCriterion[] {
  return (assessment?.recommendation.criteria ?? []).flatMap((value) => {
    const c = value as { id?: unknown; title?: unknown; text?: unknown };
    const text = c.text as Partial<CitedText> | undefined;
    if (typeof c.id !== 'string' || typeof text?.text !== 'string') return [];
    if (!textStatuses.includes(text.textStatus as TextStatus)) return [];
    return [
      {
        id: c.id,
        ...(typeof c.title === 'string' ? { title: c.title } : {}),
        text: {
          text: text.text,
          textStatus: text.textStatus as TextStatus,
          source: text.source ?? { title: 'the frozen assessment', date: '' },
        },
      },
    ];
  });
}

/** What `GET /v1/documents/verify/{code}` confirms about a document, without its content. */
export interface DocumentVerification {
  readonly valid: boolean;
  readonly code: string;
  readonly caseReference?: string;
  readonly kind?: CaseDocument['kind'];
  readonly issuedAt?: string;
  readonly sha256?: string;
  readonly outcome?: string;
}

export async function verifyDocument(deps: CaseDeps, code: string): Promise<DocumentVerification> {
  const document = await deps.store.findDocument(code);
  if (document === undefined) return { valid: false, code };
  const record = await deps.store.get(document.caseId);
  const stage: CaseStage | undefined = record?.licenceCase.stage;
  return {
    valid: stage !== 'revoked',
    code,
    caseReference: document.caseReference,
    kind: document.kind,
    issuedAt: document.issuedAt.toISOString(),
    sha256: document.sha256,
    ...(record?.licenceCase.outcome === undefined ? {} : { outcome: record.licenceCase.outcome }),
  };
}

/** The latest document of a case, for a principal who may see the case. */
export async function caseDocument(
  deps: CaseDeps,
  principal: Principal,
  id: string,
): Promise<Result<CaseDocument, CordonError>> {
  const found = await getCase(deps, principal, id);
  if (!found.ok) return found;
  const documents = await deps.store.documentsOf(id);
  const latest = documents.at(-1);
  const document = latest && (await deps.store.findDocument(latest.code));
  if (document !== undefined) return ok(document);
  // The countersignature and its letter are two transactions: a crash between them leaves a
  // countersigned case without its document. It is issued now, from the recorded decision.
  const recovered = await issueDocument(deps, found.value, principal);
  return recovered.ok
    ? recovered
    : err(
        cordonError(
          'CORDON_NOT_FOUND',
          `Case ${found.value.licenceCase.reference} has no document yet.`,
        ),
      );
}

export async function caseStatistics(deps: CaseDeps): Promise<DecisionStatisticsRow[]> {
  const records = await deps.store.list({});
  return decisionStatistics(
    records.map((r) => {
      const destination = (r.application.destination ?? {}) as { country?: unknown };
      const items = Array.isArray(r.application.items)
        ? (r.application.items as { controlEntries?: unknown }[])
        : [];
      return {
        licenceCase: r.licenceCase,
        destination: typeof destination.country === 'string' ? destination.country : '??',
        controlEntries: items.flatMap((i) =>
          Array.isArray(i.controlEntries) ? (i.controlEntries as string[]) : [],
        ),
      };
    }),
  );
}

/** `actOnCase` from an action as it arrives (HTTP body, CLI flags): validated field by field first. */
export async function performCaseAction(
  deps: CaseDeps,
  principal: Principal,
  id: string,
  expectedVersion: number,
  input: CaseActionInput,
  requestId?: string,
): Promise<Result<CaseRecord, CordonError>> {
  const found = await getCase(deps, principal, id);
  if (!found.ok) return found;
  const command = caseCommandOf(input, await appealDeadlineOf(deps, found.value.licenceCase));
  if (!command.ok) return command;
  return actOnCase(deps, principal, id, expectedVersion, command.value, requestId);
}

/**
 * Until when a refusal may be appealed: the period recorded on the decision at countersignature;
 * for a refusal countersigned before periods were recorded, its jurisdiction's current period from
 * the countersignature. Undefined for a case not finalised.
 */
async function appealDeadlineOf(deps: CaseDeps, c: LicenceCase): Promise<Date | undefined> {
  if (c.decision?.appealPeriod !== undefined) return c.decision.appealPeriod.until;
  if (c.finalisedAt === undefined) return undefined;
  const period = appealPeriodFor(await deps.casePolicy.current(), c.jurisdiction);
  return new Date(c.finalisedAt.getTime() + period.days * 86_400_000);
}
