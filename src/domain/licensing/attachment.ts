import { err, ok, type Result } from '../shared/result.ts';

/**
 * Supporting documents an exporter (or a caseworker on the exporter's behalf) attaches to a case:
 * an end-user undertaking, a technical specification, a contract... Only a few well-understood
 * file types are accepted, and each is recognised by its content (magic bytes), never by the
 * content type or file name the uploader declares: a file that is not what it claims is refused.
 */
export const attachmentCategories = [
  'end-user-undertaking',
  'technical-specification',
  'contract',
  'correspondence',
  'other',
] as const;
export type AttachmentCategory = (typeof attachmentCategories)[number];

/** The file types Cordon accepts, by what their content is. */
export const attachmentKinds = ['pdf', 'png', 'jpeg', 'text', 'csv', 'docx', 'odt'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/** The media type each accepted kind is stored and served with. */
export const attachmentMediaTypes: Readonly<Record<AttachmentKind, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  text: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** Declared content types that name a kind (lower case, parameters dropped). */
const declaredKinds: Readonly<Record<string, AttachmentKind>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'text/plain': 'text',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/x-csv': 'csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
};

/** Declared types that claim nothing (browsers and curl send these for unknown files). */
const genericTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const extensionKinds: Readonly<Record<string, AttachmentKind>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  txt: 'text',
  csv: 'csv',
  docx: 'docx',
  odt: 'odt',
};

/**
 * The file name extensions allowed for each kind of content. A name is what the downloader's
 * system opens the file with: plain text named `.html`, `.svg`, `.hta` or `.bat` would be run or
 * rendered, so any extension outside the list is refused, and a name without one gets the kind's.
 */
export const allowedExtensions: Readonly<Record<AttachmentKind, readonly string[]>> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  text: ['txt'],
  csv: ['csv'],
  docx: ['docx'],
  odt: ['odt'],
};

/** Text and CSV are the same content; the name or the declared type tells which. */
const family = (kind: AttachmentKind): string => (kind === 'csv' ? 'text' : kind);

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * The names of the entries of a ZIP archive, read from its central directory, or undefined when
 * the archive is truncated or malformed.
 */
export function zipEntryNames(bytes: Uint8Array): readonly string[] | undefined {
  // The end-of-central-directory record: at the end, after a comment of at most 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i -= 1) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const decoder = new TextDecoder();
  const names: string[] = [];
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return undefined;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return undefined;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const odtMimetype = ascii('mimetypeapplication/vnd.oasis.opendocument.text');

function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Tab, line feed, form feed and carriage return are text; other control characters are not.
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * What the content of a file is, by its magic bytes: PDF (`%PDF-`), PNG, JPEG, a DOCX (a ZIP
 * archive with `[Content_Types].xml` and `word/document.xml`), an ODT (a ZIP archive whose first
 * entry is the stored `mimetype` of an OpenDocument text), or UTF-8 text without control
 * characters. Undefined for anything else (executables, other archives, other images...).
 *
 * @example
 * detectAttachmentKind(new TextEncoder().encode('%PDF-1.7 ...')) // 'pdf'
 * detectAttachmentKind(new TextEncoder().encode('MZ\x90\x00')) // undefined
 */
export function detectAttachmentKind(
  bytes: Uint8Array,
): 'text' | Exclude<AttachmentKind, 'csv'> | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (names === undefined) return undefined;
    // OpenDocument: the first local entry is `mimetype`, stored, with no extra field.
    if (names[0] === 'mimetype' && startsWith(bytes, odtMimetype, 30)) return 'odt';
    if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) {
      return 'docx';
    }
    return undefined;
  }
  return isPlainText(bytes) ? 'text' : undefined;
}

/** Why an upload is refused. */
export type AttachmentRefusal =
  | { readonly kind: 'empty'; readonly message: string }
  | { readonly kind: 'too-large'; readonly message: string; readonly limitBytes: number }
  | { readonly kind: 'type-not-allowed'; readonly message: string }
  | { readonly kind: 'not-what-it-claims'; readonly message: string };

/** An upload as it arrives. */
export interface AttachmentUpload {
  readonly fileName: string;
  /** The content type the uploader declared (may be absent or generic). */
  readonly declaredType?: string;
  readonly bytes: Uint8Array;
}

/** An upload that passed the checks: its type comes from its content. */
export interface CheckedAttachment {
  readonly fileName: string;
  readonly kind: AttachmentKind;
  readonly mediaType: string;
  readonly sizeBytes: number;
}

/** `1048576` -> `1 MiB`; `1500` -> `1,500 bytes`. */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (bytes >= 1024 * 1024 && Number.isInteger(mib * 10)) return `${String(mib)} MiB`;
  const kib = bytes / 1024;
  if (bytes >= 1024 && Number.isInteger(kib)) return `${String(kib)} KiB`;
  return `${bytes.toLocaleString('en-GB')} bytes`;
}

/**
 * A file name safe to store and to echo in a Content-Disposition header: the last path segment,
 * without control characters or quotes, at most 200 characters; `attachment` when nothing is left.
 */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return clean.slice(0, 200) || 'attachment';
}

const extensionOf = (fileName: string): string | undefined => {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match?.[1]?.toLowerCase();
};

/**
 * Checks an upload: not empty, within `limitBytes`, of an accepted kind by its content, and not
 * claiming (by declared content type or by file extension) to be something else. Text is told
 * apart from CSV by what the uploader declared (`.csv`, `text/csv`).
 *
 * @example
 * checkAttachment({ fileName: 'undertaking.pdf', declaredType: 'application/pdf', bytes: png }, 1e6)
 * // err({ kind: 'not-what-it-claims', message: 'undertaking.pdf is declared application/pdf but its content is a PNG image.' })
 */
export function checkAttachment(
  upload: AttachmentUpload,
  limitBytes: number,
): Result<CheckedAttachment, AttachmentRefusal> {
  const fileName = safeFileName(upload.fileName);
  const size = upload.bytes.length;
  if (size === 0) return err({ kind: 'empty', message: `${fileName} is empty.` });
  if (size > limitBytes) {
    return err({
      kind: 'too-large',
      limitBytes,
      message: `${fileName} is ${formatBytes(size)}; attachments may be at most ${formatBytes(limitBytes)} (${String(limitBytes)} bytes).`,
    });
  }
  const detected = detectAttachmentKind(upload.bytes);
  if (detected === undefined) {
    return err({
      kind: 'type-not-allowed',
      message: `${fileName} is not an accepted document: attach a PDF, PNG, JPEG, plain text, CSV, DOCX or ODT file (recognised by its content, whatever its name or declared type).`,
    });
  }
  const declared = (upload.declaredType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const declaredKind = declaredKinds[declared];
  if (!genericTypes.has(declared) && declaredKind === undefined) {
    return err({
      kind: 'type-not-allowed',
      message: `${fileName} is declared ${declared}, which is not an accepted type (PDF, PNG, JPEG, plain text, CSV, DOCX, ODT).`,
    });
  }
  const extension = extensionOf(fileName);
  const extensionKind = extension === undefined ? undefined : extensionKinds[extension];
  if (extension !== undefined && extensionKind === undefined) {
    const allowed = detected === 'text' ? ['txt', 'csv'] : allowedExtensions[detected];
    return err({
      kind: 'type-not-allowed',
      message: `${fileName} is named .${extension}, which is not allowed for ${describeKind[detected]} (allowed: ${allowed.map((e) => `.${e}`).join(', ')}).`,
    });
  }
  const claims = [
    ...(declaredKind === undefined ? [] : [{ by: `declared ${declared}`, kind: declaredKind }]),
    ...(extensionKind === undefined
      ? []
      : [{ by: `named .${extension ?? ''}`, kind: extensionKind }]),
  ];
  const untrue = claims.find((claim) => family(claim.kind) !== family(detected));
  if (untrue !== undefined) {
    return err({
      kind: 'not-what-it-claims',
      message: `${fileName} is ${untrue.by} but its content is ${describeKind[detected]}.`,
    });
  }
  const kind: AttachmentKind =
    detected === 'text' && claims.some((claim) => claim.kind === 'csv') ? 'csv' : detected;
  const named =
    extension === undefined ? `${fileName}.${allowedExtensions[kind][0] ?? kind}` : fileName;
  return ok({ fileName: named, kind, mediaType: attachmentMediaTypes[kind], sizeBytes: size });
}

const describeKind: Readonly<Record<AttachmentKind, string>> = {
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  text: 'plain text',
  csv: 'CSV text',
  docx: 'a DOCX document',
  odt: 'an ODT document',
};
