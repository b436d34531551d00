import type { Static } from 'typebox';
import type { AssessmentResponse, SourceRefSchema } from '../../../src/contracts/assessment.ts';
import { Badge, TextStatusBadge, percent, words } from './common.tsx';
import { MatchCard } from './screening-match.tsx';

const riskTone = (risk: string | undefined) =>
  risk === 'unacceptable' || risk === 'high' ? 'danger' : risk === 'medium' ? 'warning' : 'ok';

export function SourceLine({
  source,
}: {
  readonly source: Static<typeof SourceRefSchema> | undefined;
}) {
  if (!source) return <span className="muted">no source given</span>;
  return (
    <span className="source">
      {source.title || 'Untitled source'}
      {source.date ? `, ${source.date}` : ''}
      {source.file ? (
        <>
          {' '}
          <code>
            {source.file}
            {source.pointer ? `#${source.pointer}` : ''}
          </code>
        </>
      ) : null}
    </span>
  );
}

/** Parties with their hits, items with classification, licence, human-rights factors, recommendation. */
export function AssessmentDetails({ assessment }: { readonly assessment: AssessmentResponse }) {
  const hr = assessment.humanRights;
  const rec = assessment.recommendation;
  return (
    <div className="assessment">
      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">Parties</h2>
        {assessment.parties.length === 0 && <p>No parties.</p>}
        {assessment.parties.map((party, i) => (
          <article key={i} className="party">
            <h3>
              {party.name}{' '}
              <span className="muted">
                ({words(party.role)}
                {party.country ? `, ${party.country}` : ''}
                {party.type ? `, ${words(party.type)}` : ''})
              </span>
            </h3>
            {party.matches.length === 0 ? (
              <p>
                <Badge tone="ok">no list matches</Badge>
              </p>
            ) : (
              party.matches.map((m) => <MatchCard key={m.entityId} match={m} />)
            )}
          </article>
        ))}
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Items and classification</h2>
        {assessment.items.map((item, i) => (
          <article key={i} className="item">
            <h3>{item.description}</h3>
            <p className="muted">
              Rated {item.controlEntries?.join(', ') || 'not rated'}; capabilities{' '}
              {item.capabilities?.join(', ') || 'none given'}
            </p>
            <table>
              <caption>Classification per regime</caption>
              <thead>
                <tr>
                  <th scope="col">Regime</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Entries</th>
                  <th scope="col">Candidates</th>
                </tr>
              </thead>
              <tbody>
                {item.classification.map((c, j) => (
                  <tr key={j}>
                    <td>{c.regime}</td>
                    <td>{words(c.outcome)}</td>
                    <td>{c.entries.join(', ') || '—'}</td>
                    <td>
                      {c.candidates.length === 0
                        ? c.reasons.join('; ') || '—'
                        : c.candidates.map((x) => (
                            <div key={x.entryId}>
                              <strong>{x.entryId}</strong> ({words(x.status)}): {x.summary}{' '}
                              <TextStatusBadge status={x.textStatus} />
                            </div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        ))}
      </section>

      <section aria-labelledby="licence-heading">
        <h2 id="licence-heading">Licence per jurisdiction</h2>
        <table>
          <caption>Is a licence required?</caption>
          <thead>
            <tr>
              <th scope="col">Jurisdiction</th>
              <th scope="col">Licence</th>
              <th scope="col">Basis</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(assessment.licence).map(([jurisdiction, l]) => (
              <tr key={jurisdiction}>
                <th scope="row">{jurisdiction}</th>
                <td>{words(l.status)}</td>
                <td>
                  <ul className="plain">
                    {l.basis.map((b, i) => (
                      <li key={i}>
                        <strong>{b.rule}</strong> {b.title ? `${b.title}: ` : ''}
                        <TextStatusBadge status={b.textStatus} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="hr-heading">
        <h2 id="hr-heading">
          Human-rights risk <Badge tone={riskTone(hr.risk)}>{hr.risk}</Badge>
        </h2>
        <p>Risk score {percent(hr.score)}.</p>
        <table>
          <caption>Risk factors, with their source and text status</caption>
          <thead>
            <tr>
              <th scope="col">Factor</th>
              <th scope="col">Weight</th>
              <th scope="col">Evidence</th>
              <th scope="col">Source</th>
              <th scope="col">Text status</th>
            </tr>
          </thead>
          <tbody>
            {hr.factors.map((f) => (
              <tr key={f.id}>
                <td>{f.title || f.id}</td>
                <td>{f.weight.toFixed(2)}</td>
                <td>
                  <ul className="plain">
                    {f.evidence.map((e, j) => (
                      <li key={j}>{e}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <SourceLine source={f.source} />
                </td>
                <td>
                  <TextStatusBadge status={f.textStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="rec-heading">
        <h2 id="rec-heading">
          Automated recommendation: <span className="outcome">{words(rec.outcome)}</span>
        </h2>
        {rec.summary && <p>{rec.summary}</p>}
        {rec.criteria.length > 0 && (
          <ul>
            {rec.criteria.map((c) => (
              <li key={c.id}>
                <strong>{c.title || c.id}</strong> ({words(c.status)}): {c.reason}{' '}
                <TextStatusBadge status={c.textStatus} /> <SourceLine source={c.source} />
              </li>
            ))}
          </ul>
        )}
        {rec.provisos.length > 0 && (
          <>
            <h3>Provisos</h3>
            <ul>
              {rec.provisos.map((p) => (
                <li key={p.id}>
                  {p.text.text} <TextStatusBadge status={p.textStatus} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <p className="muted provenance">
        Lists {assessment.provenance.listSnapshots.map((s) => s.id).join(', ') || '—'}; policy{' '}
        {assessment.provenance.policy.id} v{assessment.provenance.policy.version}; code{' '}
        {assessment.provenance.codeVersion}.
      </p>
    </div>
  );
}
