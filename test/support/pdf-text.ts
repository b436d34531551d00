import { spawnSync } from 'node:child_process';

/**
 * The text of a PDF as poppler's pdftotext reads it (Debian `poppler-utils`; .ci/run installs it) (UTF-8, through each font's ToUnicode map),
 * without bidirectional marks, and with every run of white space made one space so a phrase
 * wrapped across lines is still found (pdftotext joins a word hyphenated at a line's end).
 * For tests.
 */
export function pdfText(pdf: Uint8Array, options: { readonly layout?: boolean } = {}): string {
  const args = [...(options.layout === true ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'];
  const run = spawnSync('pdftotext', args, { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  if (run.error !== undefined) {
    throw new Error(
      `pdftotext could not run (install Debian's poppler-utils; .ci/run does): ${run.error.message}`,
    );
  }
  if (run.status !== 0) {
    throw new Error(`pdftotext failed (${String(run.status)}): ${run.stderr.toString()}`);
  }
  // pdftotext wraps right-to-left text in embedding marks; the tests compare the letters.
  const text = run.stdout.toString('utf8').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return options.layout === true ? text : text.replace(/\s+/g, ' ');
}
