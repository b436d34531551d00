import type { AssessmentResponse } from '../../../../src/contracts/assessment.ts';
import type { SectionProps } from './section-props.ts';
import { TextField } from './text-field.tsx';

/** The statement of end use, and the due-diligence steps a self-assessment found unanswered. */
export function EndUseFields({
  draft,
  update,
  problems,
  assessment,
}: SectionProps & { readonly assessment: AssessmentResponse | null }) {
  const missingSteps = (assessment?.dueDiligence ?? []).filter((s) => s.status === 'missing');
  return (
    <fieldset>
      <legend>End use</legend>
      <TextField
        id="app-end-use"
        label="Statement of end use"
        multiline
        value={draft.endUse}
        problems={problems}
        onChange={(v) => {
          update((d) => ({ ...d, endUse: v }));
        }}
      />
      {missingSteps.map((s) => (
        <TextField
          key={s.step}
          id={`dd-${s.step}`}
          label={`Due diligence ${s.step}: ${s.text.text}`}
          hint={s.note}
          multiline
          value={draft.dueDiligence[s.step] ?? ''}
          problems={problems}
          onChange={(v) => {
            update((d) => ({ ...d, dueDiligence: { ...d.dueDiligence, [s.step]: v } }));
          }}
        />
      ))}
    </fieldset>
  );
}
