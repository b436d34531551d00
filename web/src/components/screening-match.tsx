import { api } from '../api/client.ts';
import { ListEntriesResponseSchema } from '../../../src/contracts/lists.ts';
import type { Static } from 'typebox';
import type { PartyMatchSchema } from '../../../src/contracts/assessment.ts';
import type { ListedPartyJson } from '../../../src/contracts/lists.ts';
import type { ScreeningMatchSchema } from '../../../src/contracts/screening.ts';
import { Badge, Show, percent, useLoad } from './common.tsx';

type ScreeningMatch = Static<typeof ScreeningMatchSchema>;
type Explanation = ScreeningMatch['explanation'];

/** How the query and the listed name were compared: forms, token alignment, adjustments. */
export function ExplanationDetails({
  explanation,
}: {
  readonly explanation: Explanation | string;
}) {
  // Matches frozen in an assessment carry their explanation as one sentence.
  if (typeof explanation === 'string') {
    return (
      <div className="explanation">
        <p className="summary">{explanation}</p>
      </div>
    );
  }
  return (
    <div className="explanation">
      <p className="summary">{explanation.summary}</p>
      <dl className="pairs">
        <dt>Compared as</dt>
        <dd>
          “{explanation.compared.query.text}” ({explanation.compared.query.scheme}) vs “
          {explanation.compared.listed.text}” ({explanation.compared.listed.scheme}), in{' '}
          {explanation.compared.space} space
        </dd>
        <dt>Readings of the query</dt>
        <dd>{explanation.query.forms.map((f) => `${f.text} (${f.scheme})`).join('; ') || '—'}</dd>
        <dt>Coverage</dt>
        <dd>
          query {percent(explanation.coverage.query)}, listed name{' '}
          {percent(explanation.coverage.listed)}; legal forms {explanation.legalForms}
        </dd>
      </dl>
      <table>
        <caption>Token alignment</caption>
        <thead>
          <tr>
            <th scope="col">Query token</th>
            <th scope="col">Listed token</th>
            <th scope="col">Kind</th>
            <th scope="col">Similarity</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {explanation.alignment.map((a, i) => (
            <tr key={i}>
              <td>{a.query ?? '—'}</td>
              <td>{a.listed ?? '—'}</td>
              <td>{a.kind}</td>
              <td>{percent(a.similarity)}</td>
              <td>{percent(a.weight)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {explanation.adjustments.length > 0 && (
        <ul className="adjustments">
          {explanation.adjustments.map((a, i) => (
            <li key={i}>
              {a.kind} ({a.delta >= 0 ? '+' : ''}
              {a.delta.toFixed(2)}): {a.detail}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The listed entry itself (names, aliases, addresses, programmes, citations), from its list. */
export function ListedEntry({
  source,
  entityId,
  name,
}: {
  readonly source: string;
  readonly entityId: string;
  readonly name: string;
}) {
  const [loaded] = useLoad(async () => {
    const query = new URLSearchParams({ query: name, pageSize: '50' });
    const page = await api(
      ListEntriesResponseSchema,
      'GET',
      `/v1/lists/${encodeURIComponent(source)}/entries?${query.toString()}`,
    );
    return page.entries.find((e) => e.entityId === entityId) ?? null;
  }, `${source}|${entityId}|${name}`);
  return (
    <section className="listed-entry" aria-label={`Listed entry ${name}`}>
      <h4>Listed entry</h4>
      <Show loaded={loaded} what="the listed entry">
        {(entry) =>
          entry ? (
            <EntryFacts entry={entry} />
          ) : (
            <p>The entry was not found in the active snapshot of {source}.</p>
          )
        }
      </Show>
    </section>
  );
}

function EntryFacts({ entry }: { readonly entry: ListedPartyJson }) {
  return (
    <dl className="pairs">
      <dt>Source</dt>
      <dd>
        {entry.source}
        {entry.subList ? ` (${entry.subList})` : ''} · {entry.entityId}
      </dd>
      <dt>Names</dt>
      <dd>
        <ul className="plain">
          {entry.names.map((n) => (
            <li key={n.type + n.value}>
              {n.value} <span className="muted">({n.type})</span>
            </li>
          ))}
        </ul>
      </dd>
      <dt>Addresses</dt>
      <dd>
        {entry.addresses.length === 0 ? (
          '—'
        ) : (
          <ul className="plain">
            {entry.addresses.map((a, i) => (
              <li key={i}>{a.text}</li>
            ))}
          </ul>
        )}
      </dd>
      <dt>Programmes</dt>
      <dd>{entry.programmes.join(', ') || '—'}</dd>
      <dt>Countries</dt>
      <dd>{entry.countries.join(', ') || '—'}</dd>
      <dt>Citation</dt>
      <dd>{entry.citations.join('; ') || '—'}</dd>
      {entry.licenceRequirement && (
        <>
          <dt>Licence requirement</dt>
          <dd>{entry.licenceRequirement}</dd>
        </>
      )}
      {entry.remarks && (
        <>
          <dt>Remarks</dt>
          <dd>{entry.remarks}</dd>
        </>
      )}
    </dl>
  );
}

/** One screening hit beside its listed entry, with the explanation of the score. */
export function MatchCard({
  match,
  open = false,
}: {
  /** A hit of `POST /v1/screen`, or a party's match in an assessment (its explanation one line). */
  readonly match: ScreeningMatch | Static<typeof PartyMatchSchema>;
  readonly open?: boolean;
}) {
  return (
    <article className="match">
      <header className="match-head">
        <h3>{match.name || match.matchedName}</h3>
        <Badge tone={match.band === 'strong' ? 'danger' : 'warning'}>{match.band} match</Badge>
        <span className="score">score {percent(match.score)}</span>
      </header>
      <div className="side-by-side">
        <section aria-label="Screening hit">
          <h4>Screening hit</h4>
          <dl className="pairs">
            <dt>Matched name</dt>
            <dd>
              {match.matchedName || '—'}
              {'matchedNameType' in match && match.matchedNameType ? (
                <span className="muted"> ({match.matchedNameType})</span>
              ) : null}
            </dd>
            <dt>Source</dt>
            <dd>
              {match.source} · {match.entityId}
            </dd>
            <dt>Programmes</dt>
            <dd>{match.programmes.join(', ') || '—'}</dd>
          </dl>
          {typeof match.explanation === 'string' ? (
            <p>{match.explanation}</p>
          ) : (
            <details open={open}>
              <summary>Explanation of the score</summary>
              <ExplanationDetails explanation={match.explanation} />
            </details>
          )}
        </section>
        <ListedEntry source={match.source} entityId={match.entityId} name={match.matchedName} />
      </div>
    </article>
  );
}
