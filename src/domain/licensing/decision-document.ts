import { citationLabel, type TextStatus } from '../policy/text-provenance.ts';
import type { CitedCriterion } from './case-policy.ts';
import type { CaseOutcome } from './case-state.ts';
import type { LicenceCase } from './licence-case.ts';

/** What a licence or refusal letter says, before it is rendered. */
export interface DecisionDocumentModel {
  readonly kind: 'licence' | 'refusal-letter' | 'no-licence-required';
  readonly title: string;
  readonly reference: string;
  readonly jurisdiction: string;
  readonly issuedAt: string;
  readonly verificationCode: string;
  /** The public web page that verifies the document, relative to the authority's public URL. */
  readonly verificationUrlPath: string;
  readonly exporter: string;
  /** Whom the letter is addressed to: the exporter, with its country code. */
  readonly addressee: { readonly name: string; readonly country: string };
  readonly destination: string;
  readonly parties: readonly string[];
  readonly items: readonly string[];
  readonly decision: {
    readonly outcome: CaseOutcome;
    readonly decidedBy: string;
    readonly countersignedBy: string;
    readonly text: string;
  };
  /** Each criterion the decision rests on, with its reason and, when on record, its text. */
  readonly criteria: readonly DocumentCriterion[];
  /** Refusals: until when, and on what basis, the exporter may appeal. */
  readonly appeal?: {
    readonly until: string;
    readonly days: number;
    readonly policy: string;
    readonly basisLabel: string;
  };
  readonly provisos: readonly string[];
  /** Licences only: how long the licence is valid. */
  readonly validUntil?: string;
  /** Provenance of the frozen assessment (list snapshots, policy and code versions). */
  readonly provenance: string;
}

/** A criterion as a document prints it. */
export interface DocumentCriterion {
  readonly code: string;
  readonly reason: string;
  readonly title?: string;
  /** The criterion's text from the shipped data; absent when no text is on record for the code. */
  readonly citation?: {
    readonly text: string;
    readonly textStatus: TextStatus;
    /** Printed beside the text: `verbatim: ...` or `PARAPHRASE, not legal text: ...`. */
    readonly label: string;
  };
}

const kindOf = (outcome: CaseOutcome): DecisionDocumentModel['kind'] =>
  outcome === 'refused'
    ? 'refusal-letter'
    : outcome === 'no-licence-required'
      ? 'no-licence-required'
      : 'licence';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const documentCriterion = (c: CitedCriterion): DocumentCriterion => ({
  code: c.code,
  reason: c.reason,
  ...(c.title === undefined ? {} : { title: c.title }),
  ...(c.text === undefined
    ? {}
    : {
        citation: {
          text: c.text.text,
          textStatus: c.text.textStatus,
          label: citationLabel(c.text),
        },
      }),
});

/**
 * The document of a countersigned decision. Undefined when the case has no countersigned decision
 * (nothing may be issued before). `criteria` are the decision's criteria with their texts (see
 * `citeCriteria`); without them the document cites codes and reasons only.
 */
export function decisionDocument(input: {
  readonly licenceCase: LicenceCase;
  readonly application: Readonly<Record<string, unknown>>;
  readonly provenance: string;
  readonly verificationCode: string;
  readonly issuedAt: Date;
  readonly validityMonths?: number;
  readonly criteria?: readonly CitedCriterion[];
}): DecisionDocumentModel | undefined {
  const { licenceCase: c, application: a } = input;
  const decision = c.decision;
  if (decision?.countersignedBy === undefined) return undefined;
  const kind = kindOf(decision.outcome);
  const exporter = (a.exporter ?? {}) as Record<string, unknown>;
  const destination = (a.destination ?? {}) as Record<string, unknown>;
  const parties = Array.isArray(a.parties) ? (a.parties as Record<string, unknown>[]) : [];
  const items = Array.isArray(a.items) ? (a.items as Record<string, unknown>[]) : [];
  const validUntil = new Date(input.issuedAt);
  validUntil.setUTCMonth(validUntil.getUTCMonth() + (input.validityMonths ?? 24));
  return {
    kind,
    title:
      kind === 'refusal-letter'
        ? 'Refusal of an export licence'
        : kind === 'licence'
          ? 'Export licence'
          : 'Notice: no export licence required',
    reference: c.reference,
    jurisdiction: c.jurisdiction,
    issuedAt: input.issuedAt.toISOString(),
    verificationCode: input.verificationCode,
    verificationUrlPath: `/verify/${input.verificationCode}`,
    exporter: `${text(exporter.name)} (${text(exporter.country)})`,
    addressee: { name: text(exporter.name), country: text(exporter.country) },
    destination: [text(destination.country), text(destination.region)].filter(Boolean).join(', '),
    parties: parties.map(
      (p) => `${text(p.role)}: ${text(p.name)}${p.country ? ` (${text(p.country)})` : ''}`,
    ),
    items: items.map((i) => {
      const entries = Array.isArray(i.controlEntries) ? (i.controlEntries as string[]) : [];
      return `${text(i.description)}${entries.length > 0 ? ` [${entries.join(', ')}]` : ''}`;
    }),
    decision: {
      outcome: decision.outcome,
      decidedBy: decision.by.name ?? decision.by.userId,
      countersignedBy: decision.countersignedBy.name ?? decision.countersignedBy.userId,
      text: decision.text,
    },
    criteria: (input.criteria ?? decision.criteria).map(documentCriterion),
    ...(kind === 'refusal-letter' && decision.appealPeriod !== undefined
      ? {
          appeal: {
            until: decision.appealPeriod.until.toISOString().slice(0, 10),
            days: decision.appealPeriod.days,
            policy: `${decision.appealPeriod.policy.id} v${String(decision.appealPeriod.policy.version)}`,
            basisLabel: citationLabel(decision.appealPeriod.basis),
          },
        }
      : {}),
    provisos: decision.provisos,
    ...(kind === 'licence' ? { validUntil: validUntil.toISOString().slice(0, 10) } : {}),
    provenance: input.provenance,
  };
}
