import type { FormProblem } from '../../application-form.ts';

/** The error summary at the top of the form: every problem, each a link to its field. */
export function ProblemSummary({ problems }: { readonly problems: readonly FormProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="message error" role="alert" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        {problems.length === 1 ? 'There is 1 problem' : `There are ${problems.length} problems`}{' '}
        with the application
      </h2>
      <ul>
        {problems.map((p) => (
          <li key={p.id + p.problem}>
            <a
              href={`#${p.id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(p.id)?.focus();
              }}
            >
              {p.label}: {p.problem}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
