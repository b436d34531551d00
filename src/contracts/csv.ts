/**
 * CSV cells as Cordon writes them, everywhere it writes CSV (decision statistics, `cordon
 * screen-file` results, the web UI's downloads): RFC 4180 quoting, and text that a spreadsheet
 * would run as a formula neutralised. A cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (OWASP's list; also their full-width forms) gets a leading apostrophe, so that
 * "=HYPERLINK(...)" from an officer's criterion code or a screened name stays text. Numbers are
 * written as numbers.
 *
 * @example
 * csvCell('=cmd|" /C calc"!A0') // `"'=cmd|"" /C calc""!A0"`
 * csvCell(-3)                   // '-3'
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (without its line break). */
export const csvLine = (cells: readonly (string | number)[]): string =>
  cells.map(csvCell).join(',');
