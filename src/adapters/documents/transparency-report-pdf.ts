import PDFDocument from 'pdfkit';
import type { TransparencyReport } from '../../domain/licensing/transparency-report.ts';
import { familyCovers, fontName, latinAscent, registerLetterFonts } from './letter-fonts.ts';
import { scriptRuns } from './script-runs.ts';

const margin = 56;

/**
 * Renders the annual transparency report as a PDF on the shipped fonts (every script, as the
 * letters): totals, licences and refusals by destination and by destination and control entry,
 * and the cyber-surveillance section. `authorityName` heads it (CORDON_AUTHORITY_NAME).
 */
export function renderTransparencyReportPdf(
  report: TransparencyReport,
  authorityName: string,
): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin,
      info: {
        Title: `Transparency report ${String(report.year)}: ${authorityName}`,
        Author: authorityName,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    doc.on('error', reject);
    registerLetterFonts(doc);
    write(doc, report, authorityName);
    doc.end();
  });
}

function say(
  doc: PDFKit.PDFDocument,
  text: string,
  options: { bold?: boolean; size?: number } = {},
): void {
  const size = options.size ?? 10;
  const style = options.bold === true ? 'bold' : 'regular';
  const runs = scriptRuns(text, familyCovers);
  if (runs.length === 0) return;
  runs.forEach((run, i) => {
    doc
      .font(fontName(run.family, style))
      .fontSize(size)
      .text(run.text, {
        continued: i < runs.length - 1,
        baseline: -latinAscent() * size,
        ...(run.rtl ? { features: [] } : {}),
      });
  });
}

/** A table as aligned lines: the first column wide, the counts right-aligned. */
function table(
  doc: PDFKit.PDFDocument,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): void {
  const widths = header.map((_h, i) => (i === 0 ? 170 : 70));
  const line = (cells: readonly (string | number)[], bold: boolean) => {
    if (doc.y > doc.page.height - margin - 20) doc.addPage();
    const y = doc.y;
    let x = margin;
    cells.forEach((cell, i) => {
      doc
        .font(fontName('latin', bold ? 'bold' : 'regular'))
        .fontSize(9)
        .text(String(cell), x, y, { width: widths[i] ?? 70, align: i === 0 ? 'left' : 'right' });
      x += widths[i] ?? 70;
    });
    doc.x = margin;
    doc.y = y + 14;
  };
  line(header, true);
  if (rows.length === 0) line(['none', ...header.slice(1).map(() => '')], false);
  for (const row of rows) line(row, false);
  doc.moveDown(0.5);
}

function write(doc: PDFKit.PDFDocument, r: TransparencyReport, authorityName: string): void {
  say(doc, authorityName, { bold: true, size: 15 });
  say(doc, `Transparency report ${String(r.year)} (authority ${r.authority})`, { size: 12 });
  doc.moveDown(0.5);
  say(
    doc,
    'In the shape of the annual report under Article 26(2) of Regulation (EU) 2021/821 (paraphrased): licences and refusals by destination and control entry, with a section on cyber-surveillance items. Counts are of decisions countersigned in the year; a decision on items of two entries counts once per entry in the second table. Values are not reported.',
    { size: 9 },
  );
  doc.moveDown(0.8);
  const counts = ['licences', 'refusals', 'no licence'];
  say(doc, 'Totals', { bold: true, size: 12 });
  table(
    doc,
    ['decisions', ...counts],
    [[r.totals.decisions, r.totals.licences, r.totals.refusals, r.totals.noLicenceRequired]],
  );
  say(doc, 'By destination', { bold: true, size: 12 });
  table(
    doc,
    ['destination', ...counts],
    r.byDestination.map((d) => [d.destination, d.licences, d.refusals, d.noLicenceRequired]),
  );
  say(doc, 'By destination and control entry', { bold: true, size: 12 });
  table(
    doc,
    ['destination / entry', ...counts],
    r.byDestinationAndEntry.map((d) => [
      `${d.destination} ${d.controlEntry}`,
      d.licences,
      d.refusals,
      d.noLicenceRequired,
    ]),
  );
  say(doc, 'Cyber-surveillance items', { bold: true, size: 12 });
  say(
    doc,
    `Applications submitted in the year for items under ${r.cyberSurveillance.entries.join(', ') || 'no entry'}, by entry and destination, and the decisions taken on them.`,
    { size: 9 },
  );
  doc.moveDown(0.3);
  table(
    doc,
    ['entry / destination', 'received', 'licences', 'refusals', 'pending'],
    r.cyberSurveillance.rows.map((c) => [
      `${c.controlEntry} ${c.destination}`,
      c.received,
      c.licences,
      c.refusals,
      c.pending,
    ]),
  );
}
