import { useRef, useState } from 'react';
import {
  attachmentCategories,
  attachmentUrl,
  loadAttachments,
  uploadAttachment,
} from '../../api/work.ts';
import { ErrorMessage, Show, formatDate, useLoad, words } from '../../components/common.tsx';
import { useMutation } from '../../components/use-mutation.ts';

const kib = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`;

/**
 * The case's supporting documents (an end-user undertaking, a specification) and, for the exporter
 * and the caseworker, a form to add one. The server decides what it accepts (PDF, PNG, JPEG, text,
 * CSV, DOCX, ODT, by content; the size limit) and the page shows its answer.
 */
export function CaseAttachments({
  caseId,
  mayUpload,
}: {
  readonly caseId: string;
  readonly mayUpload: boolean;
}) {
  const [loaded, reload] = useLoad(() => loadAttachments(caseId), `attachments-${caseId}`);
  const [category, setCategory] = useState<string>('end-user-undertaking');
  const [description, setDescription] = useState('');
  const [uploaded, setUploaded] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const upload = useMutation(
    (form: FormData) => uploadAttachment(caseId, form),
    (attachment) => {
      setUploaded(`${attachment.fileName} was attached.`);
      setDescription('');
      if (file.current) file.current.value = '';
      reload();
    },
  );
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">Supporting documents</h2>
      <Show loaded={loaded} what="the supporting documents">
        {(attachments) =>
          attachments.length === 0 ? (
            <p>No documents attached.</p>
          ) : (
            <ul className="attachments">
              {attachments.map((a) => (
                <li key={a.id}>
                  <a href={attachmentUrl(caseId, a.id)}>{a.fileName}</a> ({words(a.category)},{' '}
                  {a.kind}, {kib(a.sizeBytes)}) by {a.uploadedBy}, {formatDate(a.uploadedAt)}
                  {a.description ? `: ${a.description}` : ''}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
      {mayUpload && (
        <form
          className="upload-form"
          aria-labelledby="upload-heading"
          onSubmit={(event) => {
            event.preventDefault();
            setUploaded(null);
            const chosen = file.current?.files?.[0];
            if (chosen === undefined) {
              upload.clearError();
              setUploaded('Choose a file first.');
              return;
            }
            // The server reads the fields before the file: their order matters.
            const form = new FormData();
            form.append('category', category);
            if (description.trim()) form.append('description', description.trim());
            form.append('file', chosen, chosen.name);
            void upload.submit(form);
          }}
        >
          <h3 id="upload-heading">Attach a document</h3>
          {upload.error !== null && <ErrorMessage error={upload.error} />}
          {uploaded !== null && (
            <p className="message info" role="status">
              {uploaded}
            </p>
          )}
          <div className="field">
            <label htmlFor="upload-category">Kind of document</label>
            <select
              id="upload-category"
              value={category}
              onChange={(e) => {
                setCategory(e.target.value);
              }}
            >
              {attachmentCategories.map((c) => (
                <option key={c} value={c}>
                  {words(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="upload-description">Description (optional)</label>
            <input
              id="upload-description"
              value={description}
              maxLength={500}
              onChange={(e) => {
                setDescription(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="upload-file">File</label>
            <span className="hint" id="upload-file-hint">
              PDF, PNG, JPEG, plain text, CSV, DOCX or ODT; checked by its content.
            </span>
            <input
              id="upload-file"
              type="file"
              ref={file}
              aria-describedby="upload-file-hint"
              accept=".pdf,.png,.jpg,.jpeg,.txt,.csv,.docx,.odt"
            />
          </div>
          <button type="submit" disabled={upload.busy}>
            Upload
          </button>
        </form>
      )}
    </section>
  );
}
