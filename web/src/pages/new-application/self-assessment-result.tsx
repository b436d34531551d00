import type { AssessmentResponse } from '../../../../src/contracts/assessment.ts';
import { AssessmentDetails } from '../../components/assessment-view.tsx';

/** The self-assessment: the due-diligence checklist, then the assessment in full. */
export function SelfAssessmentResult({ assessment }: { readonly assessment: AssessmentResponse }) {
  const steps = assessment.dueDiligence ?? [];
  return (
    <section aria-labelledby="self-assessment-heading" className="self-assessment">
      <h2 id="self-assessment-heading">Self-assessment</h2>
      {steps.length > 0 && (
        <table>
          <caption>Due-diligence checklist</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Status</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.step}>
                <th scope="row">
                  {s.step} {s.text.text}
                </th>
                <td>{s.status}</td>
                <td>{s.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AssessmentDetails assessment={assessment} />
    </section>
  );
}
