import type { DueDiligenceStep } from '../policy/human-rights-reference.ts';
import type { CitedText } from '../policy/text-provenance.ts';
import type { HumanRightsFacts } from './risk-factors.ts';

/** One due-diligence step (UN Guiding Principles, EU 2024/2659) and whether the application answers it. */
export interface ChecklistEntry {
  readonly step: string;
  readonly text: CitedText;
  readonly status: 'answered' | 'missing';
  /** What answered it, or what is still needed, in Cordon's words. */
  readonly note: string;
}

/**
 * The exporter's due-diligence checklist: each shipped step (DD-1 ... DD-8) is answered by the
 * application's own fields where they say enough (classification, capabilities, end user,
 * destination), or by an explicit answer in `answers` (keyed by step id); the rest is missing.
 *
 * @example
 * dueDiligenceChecklist(steps, facts, { 'DD-5': 'Contract has a human-rights clause' })
 * // DD-5 answered ("Contract has a human-rights clause"), DD-7 missing ...
 */
export function dueDiligenceChecklist(
  steps: readonly DueDiligenceStep[],
  facts: Pick<HumanRightsFacts, 'items' | 'parties' | 'destination' | 'endUse'>,
  answers: Readonly<Record<string, string>> = {},
  rated: { readonly everyItemRated: boolean } = { everyItemRated: false },
): readonly ChecklistEntry[] {
  const derived = (id: string): { ok: boolean; note: string } | undefined => {
    switch (id) {
      case 'DD-1':
        return rated.everyItemRated
          ? {
              ok: true,
              note: 'Every item carries a rating or capability tags, and Cordon classified it.',
            }
          : {
              ok: false,
              note: 'Rate every item (control entry or EAR99) or give its capability tags.',
            };
      case 'DD-2':
        return facts.items.every((i) => i.capabilities.length > 0)
          ? { ok: true, note: 'Every item lists its capabilities.' }
          : { ok: false, note: 'List the capabilities of every item (or `none`).' };
      case 'DD-3': {
        const users = facts.parties.filter((p) => p.role === 'end-user');
        return users.length > 0 && users.every((u) => u.type !== undefined && u.type !== 'unknown')
          ? { ok: true, note: 'The end user is named, typed and screened.' }
          : { ok: false, note: 'Name the end user and its type; every party is screened.' };
      }
      case 'DD-4':
        return {
          ok: true,
          note: `Destination ${facts.destination.country}${facts.destination.region ? ` (${facts.destination.region})` : ''} assessed against the policy's country assessments and measures.`,
        };
      case 'DD-8':
        return { ok: true, note: 'This assessment, with its provenance, is the record.' };
      default:
        return undefined;
    }
  };
  return steps.map((s) => {
    const answer = answers[s.id]?.trim();
    if (answer) return { step: s.id, text: s.step, status: 'answered', note: answer };
    const d = derived(s.id);
    if (d) return { step: s.id, text: s.step, status: d.ok ? 'answered' : 'missing', note: d.note };
    return {
      step: s.id,
      text: s.step,
      status: 'missing',
      note: `Not answered: give dueDiligence["${s.id}"] in the application.`,
    };
  });
}
