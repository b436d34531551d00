import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import {
  BatchScreenResponseSchema,
  type BatchScreenRequest,
  type BatchScreenResponse,
} from '../../../src/contracts/screening.ts';
import { ErrorMessage, PageTitle, percent } from '../components/common.tsx';
import { parseCsv, toCsv } from '../csv.ts';

type Row = BatchScreenRequest['names'][number];
type Result = BatchScreenResponse['results'][number];

const chunkSize = 1000;

/** Reads the uploaded CSV: a header row naming `name` (and optionally country, kind, reference), or names in the first column. */
function rowsOf(text: string): Row[] {
  const table = parseCsv(text);
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const nameAt = header.indexOf('name');
  const at = (name: string) => header.indexOf(name);
  const body = nameAt >= 0 ? table.slice(1) : table;
  const column = (r: string[], index: number) => (index >= 0 ? (r[index] ?? '').trim() : '');
  return body.map((r, i) => {
    const country = column(r, at('country'));
    const kind = column(r, at('kind'));
    const reference = column(r, at('reference'));
    return {
      name: column(r, Math.max(nameAt, 0)),
      ...(country ? { country } : {}),
      ...(kind ? { kind } : {}),
      reference: reference || `row ${i + 1}`,
    };
  });
}

/** Screening of a CSV file of names, in chunks, with progress and a downloadable result. */
export function BatchScreenPage() {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<Result[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [download, setDownload] = useState<string | null>(null);

  useEffect(
    () => () => {
      if (download) URL.revokeObjectURL(download);
    },
    [download],
  );

  const run = async (chosen: File) => {
    setError(null);
    setResults(null);
    setDownload(null);
    const rows = rowsOf(await chosen.text());
    if (rows.length === 0) {
      setError(new Error('The file holds no names.'));
      return;
    }
    setProgress({ done: 0, total: rows.length });
    const all: Result[] = [];
    try {
      for (let start = 0; start < rows.length; start += chunkSize) {
        const names = rows.slice(start, start + chunkSize);
        const answer = await api(BatchScreenResponseSchema, 'POST', '/v1/screen/batch', { names });
        all.push(...answer.results.map((r) => ({ ...r, row: r.row + start })));
        setProgress({ done: Math.min(start + chunkSize, rows.length), total: rows.length });
      }
    } catch (e) {
      setError(e);
      return;
    }
    setResults(all);
    const csv = toCsv([
      [
        'row',
        'reference',
        'name',
        'status',
        'best match',
        'source',
        'entity',
        'band',
        'score',
        'explanation',
      ],
      ...all.map((r) => {
        const best = r.matches?.[0];
        return [
          r.row + 1,
          r.reference ?? '',
          r.query?.name ?? rows[r.row]?.name ?? '',
          r.kind === 'rejected'
            ? `rejected: ${(r.reasons ?? []).join('; ')}`
            : best
              ? 'match'
              : 'clear',
          best?.name ?? '',
          best?.source ?? '',
          best?.entityId ?? '',
          best?.band ?? '',
          best ? best.score.toFixed(3) : '',
          best?.explanation.summary ?? '',
        ];
      }),
    ]);
    setDownload(URL.createObjectURL(new Blob([csv], { type: 'text/csv' })));
  };

  return (
    <>
      <PageTitle title="Batch screening">Screen a file of names</PageTitle>
      <p>
        Upload a CSV file with a header row naming a <code>name</code> column (and optionally{' '}
        <code>country</code>, <code>kind</code>, <code>reference</code>), or one name per line.
      </p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (file) void run(file);
        }}
      >
        <div className="field grow">
          <label htmlFor="batch-file">CSV file</label>
          <input
            id="batch-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        </div>
        <button
          type="submit"
          disabled={
            !file ||
            (progress !== null &&
              progress.done < progress.total &&
              results === null &&
              error === null)
          }
        >
          Screen the file
        </button>
      </form>
      {progress && (
        <div className="progress">
          <label htmlFor="batch-progress">
            Screened {progress.done} of {progress.total} names
          </label>
          <progress id="batch-progress" max={progress.total} value={progress.done} />
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {results && (
        <section aria-labelledby="batch-results">
          <h2 id="batch-results">
            {results.filter((r) => (r.matches?.length ?? 0) > 0).length} of {results.length} names
            have matches
          </h2>
          {download && (
            <p>
              <a href={download} download="cordon-screening.csv" className="button">
                Download the results (CSV)
              </a>
            </p>
          )}
          <table>
            <caption>Results by row</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Name</th>
                <th scope="col">Best match</th>
                <th scope="col">Band</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => {
                const best = r.matches?.[0];
                return (
                  <tr key={r.row}>
                    <td>{r.row + 1}</td>
                    <td>{r.query?.name ?? r.reference ?? ''}</td>
                    <td>
                      {r.kind === 'rejected'
                        ? `Rejected: ${(r.reasons ?? []).join('; ')}`
                        : (best?.name ?? 'No match')}
                    </td>
                    <td>{best?.band ?? ''}</td>
                    <td>{best ? percent(best.score) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
