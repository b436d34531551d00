import { useState } from 'react';
import { TransparencyReportSchema } from '../../../src/contracts/transparency-report.ts';
import { api } from '../api/client.ts';
import { PageTitle, Show, useLoad } from '../components/common.tsx';

/**
 * The authority's annual transparency report (the EU Art. 26(2) shape, paraphrased): licences and
 * refusals by destination and control entry, the cyber-surveillance section, CSV and PDF.
 */
export function TransparencyReportPage() {
  const [year, setYear] = useState(new Date().getUTCFullYear());
  const [loaded] = useLoad(
    () =>
      api(
        TransparencyReportSchema,
        'GET',
        `/v1/reports/transparency?year=${String(year)}&format=json`,
      ),
    `transparency-${String(year)}`,
  );
  const base = `/v1/reports/transparency?year=${String(year)}`;
  return (
    <>
      <PageTitle title="Transparency report">Transparency report {year}</PageTitle>
      <div className="field">
        <label htmlFor="report-year">Year</label>
        <input
          id="report-year"
          type="number"
          min={2000}
          max={2100}
          value={year}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 2000 && value <= 2100) setYear(value);
          }}
        />
      </div>
      <p>
        <a className="button" href={`${base}&format=csv`} download>
          Download as CSV
        </a>{' '}
        <a className="button" href={`${base}&format=pdf`} download>
          Download as PDF
        </a>
      </p>
      <p className="hint">
        In the shape of the EU annual report under Article 26(2) of Regulation (EU) 2021/821
        (paraphrased): decisions countersigned in the year; a decision on items of two entries
        counts once per entry in the entry table.
      </p>
      <Show loaded={loaded} what="the report">
        {(r) => (
          <>
            <p>
              {r.totals.decisions} decisions: {r.totals.licences} licences, {r.totals.refusals}{' '}
              refusals, {r.totals.noLicenceRequired} with no licence required.
            </p>
            <Table
              caption="By destination and control entry"
              head={['Destination', 'Control entry', 'Licences', 'Refusals']}
              rows={r.byDestinationAndEntry.map((d) => [
                d.destination,
                d.controlEntry,
                d.licences,
                d.refusals,
              ])}
            />
            <Table
              caption={`Cyber-surveillance items (${r.cyberSurveillance.entries.join(', ')})`}
              head={['Control entry', 'Destination', 'Received', 'Licences', 'Refusals', 'Pending']}
              rows={r.cyberSurveillance.rows.map((c) => [
                c.controlEntry,
                c.destination,
                c.received,
                c.licences,
                c.refusals,
                c.pending,
              ])}
            />
          </>
        )}
      </Show>
    </>
  );
}

function Table(props: {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 ? (
          <tr>
            <td colSpan={props.head.length}>None.</td>
          </tr>
        ) : (
          props.rows.map((row) => (
            <tr key={row.join('|')}>
              {row.map((cell, i) => (
                <td key={String(i)}>{cell}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
