import { csvLine } from '../../src/contracts/csv.ts';
/**
 * Reads CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of fields.
 *
 * @example
 * parseCsv('name,country\n"Acme, Inc.",US') // [['name', 'country'], ['Acme, Inc.', 'US']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i += 1) {
    const c = body.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (body.charAt(i + 1) === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body.charAt(i + 1) === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Writes rows as CSV, quoting where needed and neutralising spreadsheet formulas (`csvCell`). */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map(csvLine).join('\r\n') + '\r\n';
}
