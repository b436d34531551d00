import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';
import type { DocumentRenderer } from '../../application/ports/case-collaborators.ts';
import type { LetterSettings } from '../../config/config.ts';
import type { DecisionDocumentModel } from '../../domain/licensing/decision-document.ts';
import {
  familyCovers,
  fontName,
  latinAscent,
  registerLetterFonts,
  type FontStyle,
} from './letter-fonts.ts';
import { scriptRuns } from './script-runs.ts';

const margin = 56;
const qrSize = 78;

/**
 * Renders licences and refusal letters as PDFs on the authority's letterhead. Every name prints in
 * its own script: each run of text is set in a shipped font that covers it (data/fonts), subset to
 * the glyphs the document uses, Arabic and Hebrew shaped and drawn right to left. Dates are in the
 * authority's locale and time zone; the verification address is printed in full and as a QR code;
 * the provenance of the automated assessment is a paragraph, and its machine record an annex.
 */
export function pdfRenderer(settings: LetterSettings): DocumentRenderer {
  return {
    render: (model) =>
      new Promise<Uint8Array>((resolve, reject) => {
        const doc = new PDFDocument({
          size: 'A4',
          margin,
          bufferPages: true,
          info: {
            Title: `${model.title} ${model.reference}`,
            Author: settings.authorityName,
            Subject: model.kind,
            Keywords: `verification:${model.verificationCode}`,
          },
        });
        const chunks: Buffer[] = [];
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => {
          resolve(new Uint8Array(Buffer.concat(chunks)));
        });
        doc.on('error', reject);
        registerLetterFonts(doc);
        new Letter(doc, settings, model).write();
        doc.end();
      }),
  };
}

/** The full address at which anyone holding the document can check it. */
export const verificationUrl = (settings: LetterSettings, m: DecisionDocumentModel): string =>
  `${settings.publicUrl.replace(/\/+$/, '')}${m.verificationUrlPath}`;

interface Say {
  readonly style?: FontStyle;
  readonly size?: number;
  readonly indent?: number;
  readonly width?: number;
  readonly align?: 'left' | 'right';
}

class Letter {
  private readonly dates: Intl.DateTimeFormat;
  private readonly regions: Intl.DisplayNames;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly settings: LetterSettings,
    private readonly m: DecisionDocumentModel,
  ) {
    this.dates = new Intl.DateTimeFormat(settings.locale, {
      dateStyle: 'long',
      timeZone: settings.timeZone,
    });
    this.regions = new Intl.DisplayNames([settings.locale], { type: 'region', fallback: 'code' });
  }

  /** Prints a line or paragraph, each script in its own font (see `scriptRuns`). */
  private say(text: string, options: Say = {}): void {
    const { style = 'regular', size = 10, ...layout } = options;
    const runs = scriptRuns(text, familyCovers);
    if (runs.length === 0) {
      this.doc.font(fontName('latin', style)).fontSize(size).text(' ', layout);
      return;
    }
    runs.forEach((run, i) => {
      this.doc
        .font(fontName(run.family, style))
        .fontSize(size)
        .text(run.text, {
          ...layout,
          continued: i < runs.length - 1,
          baseline: -latinAscent() * size,
          // Features make pdfkit shape the run as a whole, so a right-to-left run is reversed
          // as a whole rather than word by word.
          ...(run.rtl ? { features: [] } : {}),
        });
    });
  }

  private heading(text: string): void {
    this.doc.moveDown(0.8);
    this.say(text, { style: 'bold', size: 12 });
  }

  /** A date (an ISO timestamp or day) in the authority's locale: `30 November 2026` in en-GB. */
  private date(value: string): string {
    const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
    return Number.isNaN(parsed.getTime()) ? value : this.dates.format(parsed);
  }

  private region(code: string): string {
    if (!/^[A-Z]{2}$/.test(code)) return code;
    const name = this.regions.of(code);
    return name === undefined || name === code ? code : `${name} (${code})`;
  }

  write(): void {
    this.letterhead();
    this.addressee();
    this.body();
    this.signature();
    this.verification();
    this.provenance();
    this.annex();
    this.footers();
  }

  private letterhead(): void {
    const { doc, settings } = this;
    const width = doc.page.width - 2 * margin - qrSize - 16;
    this.drawQr(doc.page.width - margin - qrSize, margin - 8);
    this.say(settings.authorityName, { style: 'bold', size: 15, width });
    for (const line of settings.authorityAddress) this.say(line, { size: 9, width });
    doc.moveDown(0.4);
    const ruleY = Math.max(doc.y, margin + qrSize);
    doc
      .moveTo(margin, ruleY)
      .lineTo(doc.page.width - margin, ruleY)
      .lineWidth(0.5)
      .stroke();
    doc.y = ruleY + 10;
  }

  private drawQr(x: number, y: number): void {
    const qr = qrcode(0, 'M');
    qr.addData(verificationUrl(this.settings, this.m), 'Byte');
    qr.make();
    const count = qr.getModuleCount();
    const cell = qrSize / count;
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (qr.isDark(row, col)) this.doc.rect(x + col * cell, y + row * cell, cell, cell);
      }
    }
    this.doc.fillColor('black').fill();
  }

  private addressee(): void {
    const { m } = this;
    this.say(`Date: ${this.date(m.issuedAt)}`);
    this.say(`Our reference: ${m.reference}`);
    this.doc.moveDown(0.8);
    this.say('To:', { size: 9 });
    this.say(m.addressee.name, { style: 'bold' });
    if (m.addressee.country !== '') this.say(this.region(m.addressee.country));
    this.doc.moveDown(1);
    this.say(m.title, { style: 'bold', size: 16 });
    this.doc.moveDown(0.3);
    this.say(this.opening());
  }

  private opening(): string {
    const { m } = this;
    const to = this.destination();
    switch (m.kind) {
      case 'refusal-letter':
        return `${this.settings.authorityName} has refused your application ${m.reference} for a licence to export the items below to ${to}. The reasons, and how you may appeal, follow.`;
      case 'licence':
        return `${this.settings.authorityName} grants you a licence to export the items below to ${to}, for the parties below${m.validUntil === undefined ? '' : `, until ${this.date(m.validUntil)}`}, under the provisos stated.`;
      case 'no-licence-required':
        return `${this.settings.authorityName} has determined that the export of the items below to ${to}, in your application ${m.reference}, needs no export licence.`;
    }
  }

  private destination(): string {
    const [country = '', ...rest] = this.m.destination.split(', ');
    return [this.region(country), ...rest].filter(Boolean).join(', ') || 'the destination stated';
  }

  private body(): void {
    const { m, doc } = this;
    this.heading('Parties');
    for (const party of m.parties) this.say(`• ${party}`);
    this.heading('Items');
    for (const item of m.items) this.say(`• ${item}`);
    if (m.validUntil !== undefined) this.say(`Valid until: ${this.date(m.validUntil)}`);

    this.heading('Decision');
    if (m.decision.text !== '') this.say(m.decision.text);

    if (m.criteria.length > 0) {
      this.heading(
        m.kind === 'refusal-letter' ? 'Criteria on which the refusal rests' : 'Criteria considered',
      );
      for (const criterion of m.criteria) {
        doc.moveDown(0.3);
        this.say(
          `${criterion.code}${criterion.title === undefined ? '' : ` - ${criterion.title}`}`,
          { style: 'bold' },
        );
        this.say(`Reason: ${criterion.reason}`);
        const citation = criterion.citation;
        if (citation === undefined) {
          this.say('No text of this criterion is on record in the shipped regulation data.', {
            style: 'italic',
          });
        } else if (citation.textStatus === 'verbatim') {
          // Only verbatim text is quoted as the law.
          this.say(`"${citation.text}"`, { indent: 14 });
          this.say(citation.label, { style: 'italic', size: 8, indent: 14 });
        } else {
          // A paraphrase or an unverified seed is never set as a quotation: its label comes first.
          this.say(citation.label, { style: 'italic', size: 8, indent: 14 });
          this.say(citation.text, { indent: 14 });
        }
      }
    }
    if (m.appeal !== undefined) {
      this.heading('Appeal');
      this.say(
        `You may appeal against this refusal until ${this.date(m.appeal.until)} (${String(m.appeal.days)} days from the decision; ${m.appeal.policy}).`,
      );
      this.say(`Basis of the period: ${m.appeal.basisLabel}`, { style: 'italic', size: 8 });
    }
    if (m.provisos.length > 0) {
      this.heading('Provisos');
      for (const proviso of m.provisos) this.say(`• ${proviso}`);
    }
  }

  private signature(): void {
    const { doc, m, settings } = this;
    // The signature block stays on one page.
    if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
    doc.moveDown(1.5);
    this.say(`For ${settings.authorityName}`);
    doc.moveDown(1.2);
    if (settings.signatory !== undefined) this.say(settings.signatory, { style: 'bold' });
    this.say(
      `Decided by ${m.decision.decidedBy} and countersigned by ${m.decision.countersignedBy}; issued on ${this.date(m.issuedAt)}.`,
      { size: 9 },
    );
  }

  private verification(): void {
    this.heading('Is this document genuine?');
    this.say(
      'Open the address below, or scan the QR code at the top of the first page, to see whether this document is genuine and still in force, and what it says:',
    );
    this.say(verificationUrl(this.settings, this.m));
    this.say(`Verification code: ${this.m.verificationCode}`, { style: 'bold' });
  }

  private provenance(): void {
    this.heading('How the automated assessment was made');
    this.say(
      readableProvenance(this.m.provenance, (d) => this.date(d)),
      { size: 9 },
    );
  }

  private annex(): void {
    const { doc } = this;
    doc.addPage();
    this.say('Annex: machine record of the automated assessment', { style: 'bold', size: 12 });
    this.say(
      `The provenance recorded with the assessment when the application was submitted, as stored in the case ${this.m.reference}.`,
      { size: 8 },
    );
    doc.moveDown(0.5);
    // One line per line of the record, its nesting shown by the indent.
    for (const line of prettyJson(this.m.provenance).split('\n')) {
      const depth = line.length - line.trimStart().length;
      this.say(line.trim(), { size: 7, indent: depth * 4 });
    }
  }

  /** Every page: reference, verification code, and page number. */
  private footers(): void {
    const { doc, m } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font(fontName('latin', 'regular'))
        .fontSize(7)
        .text(
          `${m.reference} · verification code ${m.verificationCode} · page ${String(i - range.start + 1)} of ${String(range.count)}`,
          margin,
          doc.page.height - margin + 16,
          { width: doc.page.width - 2 * margin, align: 'center', lineBreak: false },
        );
      doc.page.margins.bottom = bottom;
    }
  }
}

function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

/**
 * The provenance of a frozen assessment as a sentence: which list snapshots (source and data
 * date), which policy (id, version, content hash) and which code version. Unknown shapes are
 * described as such; the annex carries the record itself.
 */
export function readableProvenance(raw: string, date: (iso: string) => string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return 'The assessment carries no readable provenance; its record is in the annex.';
  }
  const parts: string[] = [];
  const snapshots = Array.isArray(record.listSnapshots)
    ? (record.listSnapshots as { source?: unknown; dataDate?: unknown }[])
    : [];
  if (snapshots.length > 0) {
    const lists = snapshots.map(
      (s) =>
        `${String(s.source)}${typeof s.dataDate === 'string' ? ` (data of ${date(s.dataDate)})` : ''}`,
    );
    parts.push(
      `screened every party against ${String(snapshots.length)} restricted-party list${snapshots.length === 1 ? '' : 's'}: ${lists.join('; ')}`,
    );
  }
  const policy = record.policy as { id?: unknown; version?: unknown; contentHash?: unknown };
  if (typeof policy === 'object' && typeof policy.id === 'string') {
    const hash = typeof policy.contentHash === 'string' ? policy.contentHash.slice(0, 12) : '';
    parts.push(
      `weighed human-rights risk under the policy ${policy.id} version ${String(policy.version)}${hash === '' ? '' : ` (content hash ${hash}…)`}`,
    );
  }
  if (Array.isArray(record.licensingPolicies) && record.licensingPolicies.length > 0) {
    const names = (record.licensingPolicies as { id?: unknown; version?: unknown }[]).map(
      (p) => `${String(p.id)}${typeof p.version === 'number' ? ` v${String(p.version)}` : ''}`,
    );
    parts.push(`determined licence requirements under ${names.join(', ')}`);
  }
  if (typeof record.codeVersion === 'string') {
    parts.push(`ran Cordon ${record.codeVersion}`);
  }
  const asOf = typeof record.asOf === 'string' ? ` as of ${date(record.asOf)}` : '';
  if (parts.length === 0) {
    return 'No provenance was recorded with the assessment; the annex shows what is on record.';
  }
  return `When the application was submitted, the automated assessment${asOf} ${parts.join('; ')}. The officers decided on that assessment and on the case file; the complete machine record is in the annex.`;
}
