import type { CaseStage } from '../../domain/licensing/case-state.ts';
import { decisionDocument } from '../../domain/licensing/decision-document.ts';
import type { CaseDocument, CaseDocumentStore, CaseRecordStore } from '../ports/case-store.ts';

/**
 * What `GET /v1/documents/verify/{code}` confirms about a document: whether it is genuine and in
 * force, and what it says (title, exporter, destination, parties, items), so that whoever holds the
 * paper can compare; not the reasons, criteria or the assessment behind it.
 */
export interface DocumentVerification {
  readonly valid: boolean;
  readonly code: string;
  readonly caseReference?: string;
  readonly kind?: CaseDocument['kind'];
  readonly issuedAt?: string;
  readonly sha256?: string;
  readonly outcome?: string;
  readonly title?: string;
  readonly exporter?: string;
  readonly destination?: string;
  readonly parties?: string[];
  readonly items?: string[];
  readonly validUntil?: string;
}

/** Whether a document code is Cordon's, and what it certifies (a revoked licence is not valid). */
export async function verifyDocument(
  deps: { readonly store: CaseRecordStore & CaseDocumentStore },
  code: string,
): Promise<DocumentVerification> {
  const document = await deps.store.findDocument(code);
  if (document === undefined) return { valid: false, code };
  const record = await deps.store.get(document.caseId);
  const stage: CaseStage | undefined = record?.licenceCase.stage;
  const says =
    record === undefined
      ? undefined
      : decisionDocument({
          licenceCase: record.licenceCase,
          application: record.application,
          provenance: '',
          verificationCode: code,
          issuedAt: document.issuedAt,
        });
  return {
    valid: stage !== 'revoked',
    code,
    caseReference: document.caseReference,
    kind: document.kind,
    issuedAt: document.issuedAt.toISOString(),
    sha256: document.sha256,
    ...(record?.licenceCase.outcome === undefined ? {} : { outcome: record.licenceCase.outcome }),
    ...(says === undefined
      ? {}
      : {
          title: says.title,
          exporter: says.exporter,
          destination: says.destination,
          parties: [...says.parties],
          items: [...says.items],
          ...(says.validUntil === undefined ? {} : { validUntil: says.validUntil }),
        }),
  };
}
