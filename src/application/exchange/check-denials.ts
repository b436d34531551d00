import {
  matchDenials,
  type DenialMatch,
  type TransactionFacts,
} from '../../domain/exchange/essentially-identical.ts';
import type { LicenceCase } from '../../domain/licensing/licence-case.ts';
import type { CaseRecord, FrozenAssessment } from '../ports/case-store.ts';
import type { ExchangeDeps } from './exchange-deps.ts';
import { controlEntriesOf } from './notify-denial.ts';

type Json = Readonly<Record<string, unknown>>;
const asObject = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const asList = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** What the no-undercut check compares of an application and its assessment. */
export function transactionFactsOf(
  record: Pick<CaseRecord, 'application' | 'assessment'>,
): TransactionFacts {
  const app = record.application;
  const destination = asObject(app.destination).country;
  return {
    destination: typeof destination === 'string' ? destination : '',
    parties: asList(app.parties).flatMap((p) => {
      const party = asObject(p);
      if (typeof party.name !== 'string') return [];
      return [
        {
          role: typeof party.role === 'string' ? party.role : 'party',
          name: party.name,
          ...(typeof party.country === 'string' ? { country: party.country } : {}),
        },
      ];
    }),
    controlEntries: controlEntriesOf(record),
    itemText: asList(app.items)
      .map((i) => {
        const item = asObject(i);
        return [item.description, ...asList(item.capabilities)]
          .filter((t) => typeof t === 'string')
          .join(' ');
      })
      .join(' '),
  };
}

/** The consultation a match opens: one per case and denial, so a resubmission finds the same one. */
export const consultationIdOf = (
  caseId: string,
  match: Pick<DenialMatch, 'sender' | 'reference'>,
): string => `${caseId}~${match.sender}~${match.reference}`;

/**
 * The no-undercut check, run when a case is submitted: screens the application against partners'
 * active denials and opens a consultation (to be requested by an officer) for each essentially
 * identical one. Returns the blocks to place on the case; the decision waits until each
 * consultation is answered or the denial revoked.
 */
export async function checkAgainstDenials(
  deps: ExchangeDeps,
  application: Readonly<Record<string, unknown>>,
  assessment: FrozenAssessment,
  licenceCase: LicenceCase,
): Promise<readonly { readonly consultationId: string; readonly note: string }[]> {
  const self = deps.signer.ok ? deps.signer.value.authorityId : undefined;
  const active = (await deps.store.denials({ status: 'active' })).filter((d) => d.sender !== self);
  const matches = matchDenials(
    active.map((d) => ({ sender: d.sender, reference: d.reference, denial: d.denial })),
    transactionFactsOf({ application, assessment }),
  ).filter((m) => m.essentiallyIdentical);
  const now = deps.clock.now();
  const blocks: { consultationId: string; note: string }[] = [];
  for (const match of matches) {
    const id = consultationIdOf(licenceCase.id, match);
    const existing = await deps.store.consultation(id);
    if (existing === undefined) {
      await deps.store.saveConsultation({
        id,
        direction: 'outgoing',
        partnerId: match.sender,
        denialReference: match.reference,
        caseId: licenceCase.id,
        caseReference: licenceCase.reference,
        status: 'to-request',
        match,
        createdAt: now,
        updatedAt: now,
      });
    }
    blocks.push({
      consultationId: id,
      note: `essentially identical to ${match.sender} denial ${match.reference}: ${match.because}; consult ${match.sender} before deciding`,
    });
  }
  return blocks;
}
