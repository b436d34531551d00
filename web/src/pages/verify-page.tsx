import { useState } from 'react';
import type { Static } from 'typebox';
import { api } from '../api/client.ts';
import { DocumentVerificationSchema } from '../../../src/contracts/cases.ts';
import { Badge, formatDate, PageTitle, Show, useLoad, words } from '../components/common.tsx';
import { useRouter } from '../router.tsx';

type Verification = Static<typeof DocumentVerificationSchema>;

/** The SHA-256 of a file, in hex, or undefined where the browser offers no Web Crypto (plain http). */
async function sha256Of(file: File): Promise<string | undefined> {
  if (typeof crypto === 'undefined' || !('subtle' in crypto)) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks a PDF the visitor holds against the one Cordon issued, in the browser. */
function CompareFile({ sha256 }: { readonly sha256: string }) {
  const [result, setResult] = useState<string | undefined>();
  return (
    <div className="field">
      <label htmlFor="verify-file">Compare your copy (the PDF file stays on your computer)</label>
      <input
        id="verify-file"
        type="file"
        accept="application/pdf"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file === undefined) return;
          void sha256Of(file).then((hash) => {
            setResult(
              hash === undefined
                ? 'This browser cannot compute a file fingerprint here (it needs a secure connection).'
                : hash === sha256
                  ? 'Your file is exactly the document Cordon issued.'
                  : 'Your file differs from the document Cordon issued: do not rely on it.',
            );
          });
        }}
      />
      {result !== undefined && (
        <p role="status" className="hint">
          {result}
        </p>
      )}
    </div>
  );
}

function Verdict({ v }: { readonly v: Verification }) {
  if (v.caseReference === undefined) {
    return (
      <div className="message error" role="alert">
        <h2>No document has this code</h2>
        <p>
          Cordon issued no licence or letter with the code <code>{v.code}</code>. Check the code on
          the document; a document whose code is not found here is not genuine.
        </p>
      </div>
    );
  }
  return (
    <>
      {v.valid ? (
        <div className="message info" role="status">
          <h2>Genuine and in force</h2>
          <p>This document was issued by Cordon and has not been revoked.</p>
        </div>
      ) : (
        <div className="message warning" role="alert">
          <h2>Genuine, but no longer in force</h2>
          <p>This document was issued by Cordon, and the licence has since been revoked.</p>
        </div>
      )}
      <h2>What the document says</h2>
      <dl className="pairs">
        <dt>Document</dt>
        <dd>{v.title ?? words(v.kind)}</dd>
        <dt>Reference</dt>
        <dd>{v.caseReference}</dd>
        <dt>Outcome</dt>
        <dd>
          <Badge tone={v.outcome === 'refused' ? 'danger' : 'ok'}>{words(v.outcome)}</Badge>
        </dd>
        <dt>Issued</dt>
        <dd>{formatDate(v.issuedAt)}</dd>
        {v.validUntil !== undefined && (
          <>
            <dt>Valid until</dt>
            <dd>{v.validUntil}</dd>
          </>
        )}
        <dt>Exporter</dt>
        <dd>{v.exporter ?? '—'}</dd>
        <dt>Destination</dt>
        <dd>{v.destination ?? '—'}</dd>
        <dt>Parties</dt>
        <dd>
          <ul>
            {(v.parties ?? []).map((p) => (
              <li key={p} dir="auto">
                {p}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Items</dt>
        <dd>
          <ul>
            {(v.items ?? []).map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </dd>
        <dt>Fingerprint (SHA-256)</dt>
        <dd>
          <code>{v.sha256}</code>
        </dd>
      </dl>
      {v.sha256 !== undefined && <CompareFile sha256={v.sha256} />}
    </>
  );
}

/**
 * `/verify/<code>`: anyone holding a licence or letter (customs, a bank, a court) checks, without
 * signing in, whether it is genuine and in force, and what it says.
 */
export function VerifyPage({ code }: { readonly code: string }) {
  const { navigate } = useRouter();
  const [typed, setTyped] = useState(code);
  const [loaded] = useLoad(
    () =>
      api(DocumentVerificationSchema, 'GET', `/v1/documents/verify/${encodeURIComponent(code)}`),
    code,
  );
  return (
    <>
      <PageTitle title="Verify a document">Verify a licence or letter</PageTitle>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const next = typed.trim();
          if (next !== '') navigate(`/verify/${encodeURIComponent(next)}`);
        }}
      >
        <div className="field">
          <label htmlFor="verify-code">Verification code (printed on the document)</label>
          <input
            id="verify-code"
            value={typed}
            maxLength={64}
            autoComplete="off"
            onChange={(e) => {
              setTyped(e.target.value);
            }}
          />
        </div>
        <button type="submit">Verify</button>
      </form>
      {code !== '' && (
        <Show loaded={loaded} what="the verification">
          {(v) => <Verdict v={v} />}
        </Show>
      )}
    </>
  );
}
