import type { ApplicationDraft, FormProblem } from '../../application-form.ts';

/** What every section of the application form receives: the draft, a way to change it, problems. */
export interface SectionProps {
  readonly draft: ApplicationDraft;
  /** Applies a change to a copy of the draft (the copy may be changed in place). */
  readonly update: (change: (d: ApplicationDraft) => ApplicationDraft) => void;
  readonly problems: readonly FormProblem[];
}
