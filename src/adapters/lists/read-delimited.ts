/** One record of a delimited file and the line it starts on (1-based). */
export interface DelimitedRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** The records of a delimited text, and what its end looked like. */
export interface DelimitedText {
  readonly records: readonly DelimitedRecord[];
  /**
   * The last record when the text ends inside a quoted field: the file was cut off there. It is
   * not among `records`; what could be read of it is kept for the problem report.
   */
  readonly unterminated?: DelimitedRecord;
  /** Whether the text ends with a line break (a cut-off file usually does not). */
  readonly endsWithNewline: boolean;
}

const quote = 34;
const carriageReturn = 13;
const lineFeed = 10;

/**
 * Splits CSV-style text into records: fields separated by `delimiter`, optionally enclosed in
 * double quotes (with `""` for a quote, and delimiters and line breaks allowed inside), records
 * separated by LF, CRLF or CR. Blank lines are skipped. It is lenient where official files are
 * sloppy: text after a closing quote (`"x" `) and quotes inside an unquoted field are kept as
 * they are. It never throws and reads each character once, so a hostile file costs linear time.
 *
 * Written here rather than taken from csv-parse because the importers need the line of every
 * record and must keep going past a broken one, reporting it, which csv-parse makes awkward.
 */
export function readDelimited(text: string, delimiter: ',' | '\t' | ';'): DelimitedText {
  const separator = delimiter.charCodeAt(0);
  const length = text.length;
  const records: DelimitedRecord[] = [];
  let at = 0;
  let line = 1;

  const endOfField = (from: number): number => {
    let k = from;
    while (k < length) {
      const c = text.charCodeAt(k);
      if (c === separator || c === carriageReturn || c === lineFeed) break;
      k += 1;
    }
    return k;
  };

  while (at < length) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (at < length && text.charCodeAt(at) === quote) {
        let segmentStart = at + 1;
        let collected = '';
        for (;;) {
          const close = text.indexOf('"', segmentStart);
          if (close === -1) {
            fields.push(collected + text.slice(segmentStart));
            return {
              records,
              unterminated: { line: startLine, fields },
              endsWithNewline: false,
            };
          }
          if (text.charCodeAt(close + 1) === quote) {
            collected += text.slice(segmentStart, close + 1);
            segmentStart = close + 2;
            continue;
          }
          collected += text.slice(segmentStart, close);
          at = close + 1;
          break;
        }
        line += countLineBreaks(collected);
        const tail = endOfField(at);
        if (tail > at) collected += text.slice(at, tail);
        at = tail;
        value = collected;
      } else {
        const end = endOfField(at);
        value = text.slice(at, end);
        at = end;
      }
      fields.push(value);
      if (at >= length) break;
      const c = text.charCodeAt(at);
      if (c === separator) {
        at += 1;
        continue;
      }
      at += c === carriageReturn && text.charCodeAt(at + 1) === lineFeed ? 2 : 1;
      line += 1;
      break;
    }
    if (fields.length > 1 || fields[0] !== '') records.push({ line: startLine, fields });
  }
  const last = text.charCodeAt(length - 1);
  return { records, endsWithNewline: last === lineFeed || last === carriageReturn };
}

function countLineBreaks(value: string): number {
  let count = 0;
  for (let k = 0; k < value.length; k += 1) {
    const c = value.charCodeAt(k);
    if (c === lineFeed) count += 1;
    else if (c === carriageReturn && value.charCodeAt(k + 1) !== lineFeed) count += 1;
  }
  return count;
}
