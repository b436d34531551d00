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
  readonly verificationUrlPath: string;
  readonly exporter: string;
  readonly destination: string;
  readonly parties: readonly string[];
  readonly items: readonly string[];
  readonly decision: {
    readonly outcome: CaseOutcome;
    readonly decidedBy: string;
    readonly countersignedBy: string;
    readonly text: string;
  };
  /** Each criterion the decision rests on, with its reason. */
  readonly criteria: readonly { readonly code: string; readonly reason: string }[];
  readonly provisos: readonly string[];
  /** Licences only: how long the licence is valid. */
  readonly validUntil?: string;
  /** Provenance of the frozen assessment (list snapshots, policy and code versions). */
  readonly provenance: string;
}

const kindOf = (outcome: CaseOutcome): DecisionDocumentModel['kind'] =>
  outcome === 'refused'
    ? 'refusal-letter'
    : outcome === 'no-licence-required'
      ? 'no-licence-required'
      : 'licence';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The document of a countersigned decision. Undefined when the case has no countersigned decision
 * (nothing may be issued before).
 */
export function decisionDocument(input: {
  readonly licenceCase: LicenceCase;
  readonly application: Readonly<Record<string, unknown>>;
  readonly provenance: string;
  readonly verificationCode: string;
  readonly issuedAt: Date;
  readonly validityMonths?: number;
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
    verificationUrlPath: `/v1/documents/verify/${input.verificationCode}`,
    exporter: `${text(exporter.name)} (${text(exporter.country)})`,
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
    criteria: decision.criteria.map((cr) => ({ code: cr.code, reason: cr.reason })),
    provisos: decision.provisos,
    ...(kind === 'licence' ? { validUntil: validUntil.toISOString().slice(0, 10) } : {}),
    provenance: input.provenance,
  };
}
