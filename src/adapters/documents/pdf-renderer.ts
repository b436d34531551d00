import PDFDocument from 'pdfkit';
import type { DocumentRenderer } from '../../application/ports/case-collaborators.ts';
import type { DecisionDocumentModel } from '../../domain/licensing/decision-document.ts';

/**
 * Renders licences and refusal letters with pdfkit and its built-in Helvetica (no font files are
 * fetched). Helvetica covers Latin scripts only: names in other scripts are printed as given by
 * the exporter and may not display; the case record keeps them exactly.
 */
export const pdfRenderer: DocumentRenderer = {
  render: (model) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const doc = new PDFDocument({
        size: 'A4',
        margin: 56,
        info: {
          Title: `${model.title} ${model.reference}`,
          Author: `Cordon (${model.jurisdiction})`,
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
      write(doc, model);
      doc.end();
    }),
};

function write(doc: PDFKit.PDFDocument, m: DecisionDocumentModel): void {
  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10);
  doc.font('Helvetica-Bold').fontSize(18).text(m.title);
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  doc.text(`Reference: ${m.reference}`);
  doc.text(`Licensing authority: ${m.jurisdiction}`);
  doc.text(`Issued: ${m.issuedAt}`);
  if (m.validUntil !== undefined) doc.text(`Valid until: ${m.validUntil}`);
  doc.text(`Verification code: ${m.verificationCode} (verify at ${m.verificationUrlPath})`);

  heading('Exporter and destination');
  doc.text(`Exporter: ${m.exporter}`);
  doc.text(`Destination: ${m.destination}`);
  heading('Parties');
  for (const party of m.parties) doc.text(`- ${party}`);
  heading('Items');
  for (const item of m.items) doc.text(`- ${item}`);

  heading('Decision');
  doc.text(`Outcome: ${m.decision.outcome}`);
  doc.text(`Decided by ${m.decision.decidedBy}; countersigned by ${m.decision.countersignedBy}.`);
  if (m.decision.text !== '') doc.moveDown(0.3).text(m.decision.text);

  if (m.criteria.length > 0) {
    heading(
      m.kind === 'refusal-letter' ? 'Criteria on which the refusal rests' : 'Criteria considered',
    );
    for (const criterion of m.criteria) {
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .text(`${criterion.code}${criterion.title === undefined ? '' : ` - ${criterion.title}`}`);
      doc.font('Helvetica').text(`Reason: ${criterion.reason}`);
      const citation = criterion.citation;
      if (citation === undefined) {
        doc
          .font('Helvetica-Oblique')
          .text('No text of this criterion is on record in the shipped regulation data.');
      } else if (citation.textStatus === 'verbatim') {
        // Only verbatim text is quoted as the law.
        doc.text(`"${citation.text}"`, { indent: 14 });
        doc.font('Helvetica-Oblique').fontSize(8).text(citation.label, { indent: 14 });
      } else {
        // A paraphrase or an unverified seed is never set as a quotation: its label comes first.
        doc.font('Helvetica-Oblique').fontSize(8).text(citation.label, { indent: 14 });
        doc.font('Helvetica').fontSize(10).text(citation.text, { indent: 14 });
      }
      doc.font('Helvetica').fontSize(10);
    }
  }
  if (m.appeal !== undefined) {
    heading('Appeal');
    doc.text(
      `You may appeal against this refusal until ${m.appeal.until} (${String(m.appeal.days)} days from the decision; ${m.appeal.policy}).`,
    );
    doc.font('Helvetica-Oblique').fontSize(8).text(`Basis of the period: ${m.appeal.basisLabel}`);
    doc.font('Helvetica').fontSize(10);
  }
  if (m.provisos.length > 0) {
    heading('Provisos');
    for (const proviso of m.provisos) doc.text(`- ${proviso}`);
  }
  heading('Provenance of the automated assessment');
  doc.fontSize(8).text(m.provenance);
}
