import { useState } from 'react';
import { api } from '../api/client.ts';
import {
  ScreenResponseSchema,
  type ScreenRequest,
  type ScreenResponse,
} from '../../../src/contracts/screening.ts';
import { ErrorMessage, PageTitle, percent } from '../components/common.tsx';
import { MatchCard } from '../components/screening-match.tsx';

/** Quick screening of one name against every active list. */
export function ScreenPage() {
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [kind, setKind] = useState<'' | 'person' | 'organisation'>('');
  const [result, setResult] = useState<ScreenResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const screen = () => {
    const body: ScreenRequest = {
      name: name.trim(),
      ...(country.trim() ? { country: country.trim().toUpperCase() } : {}),
      ...(kind ? { kind } : {}),
    };
    setBusy(true);
    setError(null);
    api(ScreenResponseSchema, 'POST', '/v1/screen', body)
      .then(setResult)
      .catch((e: unknown) => {
        setResult(null);
        setError(e);
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <>
      <PageTitle title="Screen a name">Screen a name</PageTitle>
      <p>
        Any script: Chinese, Cyrillic, Arabic and other names are transliterated and compared with
        every listed name and alias.
      </p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          screen();
        }}
      >
        <div className="field grow">
          <label htmlFor="screen-name">Name</label>
          <input
            id="screen-name"
            required
            value={name}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="screen-country">Country (optional, 2 letters)</label>
          <input
            id="screen-country"
            maxLength={2}
            pattern="[A-Za-z]{2}"
            size={4}
            value={country}
            onChange={(e) => {
              setCountry(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="screen-kind">Kind</label>
          <select
            id="screen-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as typeof kind);
            }}
          >
            <option value="">Any</option>
            <option value="organisation">Organisation</option>
            <option value="person">Person</option>
          </select>
        </div>
        <button type="submit" disabled={busy || name.trim() === ''}>
          {busy ? 'Screening…' : 'Screen'}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {result && <ScreenResults result={result} />}
    </>
  );
}

function ScreenResults({ result }: { readonly result: ScreenResponse }) {
  return (
    <section aria-labelledby="results-heading" className="results">
      <h2 id="results-heading">
        {result.matches.length === 0
          ? 'No matches'
          : `${result.matches.length} match${result.matches.length === 1 ? '' : 'es'}`}{' '}
        for “{result.query.name}”
      </h2>
      <p className="muted">
        Screened against {result.snapshot.join(', ') || 'no active list'}; review threshold{' '}
        {percent(result.thresholds.review)}, strong {percent(result.thresholds.strong)}.
      </p>
      {result.problems.length > 0 && (
        <div className="message warning" role="status">
          <p>About the name:</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>{p.kind.replace(/-/g, ' ')}</li>
            ))}
          </ul>
        </div>
      )}
      {result.matches.length > 0 && (
        <table className="summary-table">
          <caption>Matches, best first</caption>
          <thead>
            <tr>
              <th scope="col">Listed name</th>
              <th scope="col">Matched name</th>
              <th scope="col">Source</th>
              <th scope="col">Band</th>
              <th scope="col">Score</th>
              <th scope="col">Explanation</th>
            </tr>
          </thead>
          <tbody>
            {result.matches.map((m) => (
              <tr key={m.entityId}>
                <td>{m.name}</td>
                <td>{m.matchedName}</td>
                <td>{m.source}</td>
                <td>{m.band}</td>
                <td>{percent(m.score)}</td>
                <td className="explanation-cell">{m.explanation.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.matches.map((m, i) => (
        <MatchCard key={m.entityId} match={m} open={i === 0} />
      ))}
    </section>
  );
}
