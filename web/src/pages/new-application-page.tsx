import { useEffect, useRef, useState } from 'react';
import { AssessmentResponseSchema } from '../../../src/contracts/assessment.ts';
import { CaseSchema } from '../../../src/contracts/cases.ts';
import type { AssessmentResponse } from '../../../src/contracts/assessment.ts';
import { api, ApiError, send } from '../api/client.ts';
import {
  emptyDraft,
  toApplication,
  validateDraft,
  type ApplicationDraft,
  type FormProblem,
} from '../application-form.ts';
import { ErrorMessage, PageTitle } from '../components/common.tsx';
import { CountryList } from '../components/pick-lists.tsx';
import { useMutation } from '../components/use-mutation.ts';
import { useRouter } from '../router.tsx';
import { ClassificationQuestions } from './new-application/classification-questions.tsx';
import { EndUseFields } from './new-application/end-use-fields.tsx';
import { ExporterFields } from './new-application/exporter-fields.tsx';
import { ItemsFields } from './new-application/items-fields.tsx';
import { openQuestions } from './new-application/open-questions.ts';
import { PartiesFields } from './new-application/parties-fields.tsx';
import { ProblemSummary } from './new-application/problem-summary.tsx';
import { RedFlagChoices } from './new-application/red-flag-choices.tsx';
import { SelfAssessmentResult } from './new-application/self-assessment-result.tsx';

const selfAssessment = (draft: ApplicationDraft) =>
  api(
    AssessmentResponseSchema,
    'POST',
    '/v1/assessments?mode=self-assessment',
    toApplication(draft),
  );

/** Saves the draft as a case and, when asked, submits it; resolves with the case id. */
async function saveCase(draft: ApplicationDraft, submit: boolean): Promise<string> {
  const created = await api(CaseSchema, 'POST', '/v1/cases', toApplication(draft));
  if (submit) {
    await send('POST', `/v1/cases/${encodeURIComponent(created.id)}/submit`, {
      expectedVersion: created.version,
    });
  }
  return created.id;
}

/**
 * The exporter's new application, one section a component (new-application/): checked as a whole,
 * self-assessed (its open classification questions answered here, then assessed again), saved as
 * a draft or submitted.
 */
export function NewApplicationPage() {
  const { navigate } = useRouter();
  const [draft, setDraft] = useState<ApplicationDraft>(emptyDraft);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [assessment, setAssessment] = useState<AssessmentResponse | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const update = (change: (d: ApplicationDraft) => ApplicationDraft) => {
    setDraft((d) => change(structuredClone(d)));
  };
  const assess = useMutation(selfAssessment, setAssessment);
  const save = useMutation(saveCase, (id) => {
    navigate(`/cases/${encodeURIComponent(id)}`);
  });
  const busy = assess.busy || save.busy;
  const error = save.error ?? assess.error;

  useEffect(() => {
    if (error instanceof ApiError && error.fields.length > 0) summaryRef.current?.focus();
  }, [error]);

  /** Checks the whole form; on problems, lists them and moves focus to the list. */
  const checked = (): boolean => {
    const found = validateDraft(draft);
    setProblems(found);
    if (found.length > 0) requestAnimationFrame(() => summaryRef.current?.focus());
    return found.length === 0;
  };
  const runAssessment = () => {
    if (checked()) void assess.submit(draft);
  };
  const runSave = (submit: boolean) => {
    if (checked()) void save.submit(draft, submit);
  };
  const questions = assessment === null ? null : openQuestions(assessment);
  const sections = { draft, update, problems };

  return (
    <>
      <PageTitle title="New application">New licence application</PageTitle>
      <div ref={summaryRef} tabIndex={-1}>
        <ProblemSummary problems={problems} />
        {error !== null && <ErrorMessage error={error} />}
      </div>
      <CountryList id="country-codes" />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          runSave(true);
        }}
      >
        <ExporterFields {...sections} />
        <PartiesFields {...sections} />
        <ItemsFields {...sections} />
        <EndUseFields {...sections} assessment={assessment} />
        <RedFlagChoices draft={draft} update={update} />
        {questions !== null && (
          <ClassificationQuestions
            draft={draft}
            update={update}
            questions={questions}
            busy={busy}
            onReassess={runAssessment}
          />
        )}
        <div className="actions">
          <button type="button" className="secondary" disabled={busy} onClick={runAssessment}>
            Self-assess
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => {
              runSave(false);
            }}
          >
            Save as draft
          </button>
          <button type="submit" disabled={busy}>
            Submit the application
          </button>
        </div>
      </form>
      {assessment && <SelfAssessmentResult assessment={assessment} />}
    </>
  );
}
