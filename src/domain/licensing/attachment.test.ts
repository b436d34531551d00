import { describe, expect, it } from 'vitest';
import { storedZip, tinyPdf, tinyPng } from '../../../test/support/zip-bytes.ts';
import { checkAttachment, detectAttachmentKind, formatBytes, safeFileName } from './attachment.ts';

const text = (s: string) => new TextEncoder().encode(s);
const docx = storedZip([
  ['[Content_Types].xml', '<Types/>'],
  ['_rels/.rels', '<Relationships/>'],
  ['word/document.xml', '<w:document/>'],
]);
const odt = storedZip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['content.xml', '<office:document-content/>'],
]);

describe(detectAttachmentKind.name, () => {
  it('recognises each accepted type by its content', () => {
    expect(detectAttachmentKind(tinyPdf)).toBe('pdf');
    expect(detectAttachmentKind(tinyPng)).toBe('png');
    expect(detectAttachmentKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe('jpeg');
    expect(detectAttachmentKind(text('name,country\nVista,GB\n'))).toBe('text');
    expect(detectAttachmentKind(text('\uFEFFEnd-user undertaking – Überwachung 监控\r\n'))).toBe(
      'text',
    );
    expect(detectAttachmentKind(docx)).toBe('docx');
    expect(detectAttachmentKind(odt)).toBe('odt');
  });

  it('recognises nothing in executables, other archives, binary junk or invalid UTF-8', () => {
    expect(detectAttachmentKind(text('MZ\u0090\u0000\u0003'))).toBeUndefined();
    expect(detectAttachmentKind(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toBeUndefined();
    expect(detectAttachmentKind(storedZip([['payload.exe', 'MZ']]))).toBeUndefined();
    expect(detectAttachmentKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBeUndefined();
    expect(detectAttachmentKind(new Uint8Array([0x61, 0xc3, 0x28]))).toBeUndefined();
    expect(detectAttachmentKind(text('a\u0000b'))).toBeUndefined();
  });
});

describe(checkAttachment.name, () => {
  it('accepts a file whose content, declared type and name agree, and takes the type from the content', () => {
    expect(
      checkAttachment(
        { fileName: 'undertaking.pdf', declaredType: 'application/pdf', bytes: tinyPdf },
        1024,
      ),
    ).toEqual({
      ok: true,
      value: {
        fileName: 'undertaking.pdf',
        kind: 'pdf',
        mediaType: 'application/pdf',
        sizeBytes: tinyPdf.length,
      },
    });
    expect(
      checkAttachment(
        { fileName: 'spec', declaredType: 'application/octet-stream', bytes: docx },
        1e6,
      ),
    ).toMatchObject({ ok: true, value: { kind: 'docx' } });
  });

  it('tells CSV from plain text by the declared type or the name', () => {
    const bytes = text('a,b\n1,2\n');
    expect(checkAttachment({ fileName: 'parties.csv', bytes }, 1e6)).toMatchObject({
      value: { kind: 'csv', mediaType: 'text/csv; charset=utf-8' },
    });
    expect(
      checkAttachment({ fileName: 'notes', declaredType: 'text/plain', bytes }, 1e6),
    ).toMatchObject({ value: { kind: 'text' } });
  });

  it('refuses a file that is not what its declared type or its name claims', () => {
    expect(
      checkAttachment(
        { fileName: 'undertaking.pdf', declaredType: 'application/pdf', bytes: tinyPng },
        1e6,
      ),
    ).toEqual({
      ok: false,
      error: {
        kind: 'not-what-it-claims',
        message: 'undertaking.pdf is declared application/pdf but its content is a PNG image.',
      },
    });
    expect(checkAttachment({ fileName: 'spec.docx', bytes: text('just text') }, 1e6)).toMatchObject(
      { error: { kind: 'not-what-it-claims' } },
    );
  });

  it('refuses types outside the list even when the content is harmless', () => {
    expect(
      checkAttachment(
        { fileName: 'page.html', declaredType: 'text/html', bytes: text('<p>') },
        1e6,
      ),
    ).toMatchObject({ error: { kind: 'type-not-allowed' } });
    expect(
      checkAttachment({ fileName: 'tool.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) }, 1e6),
    ).toMatchObject({ error: { kind: 'type-not-allowed' } });
  });

  it('names the limit when a file is too large, and refuses an empty one', () => {
    expect(
      checkAttachment({ fileName: 'big.txt', bytes: new Uint8Array(2049).fill(0x61) }, 2048),
    ).toEqual({
      ok: false,
      error: {
        kind: 'too-large',
        limitBytes: 2048,
        message: 'big.txt is 2,049 bytes; attachments may be at most 2 KiB (2048 bytes).',
      },
    });
    expect(
      checkAttachment({ fileName: 'ok.txt', bytes: new Uint8Array(2048).fill(0x61) }, 2048).ok,
    ).toBe(true);
    expect(checkAttachment({ fileName: 'e.txt', bytes: new Uint8Array() }, 2048)).toMatchObject({
      error: { kind: 'empty' },
    });
  });
});

describe(safeFileName.name, () => {
  it('keeps the last path segment without control characters or quotes', () => {
    expect(safeFileName('C:\\Users\\x\\..\\"evil"\r\n.pdf')).toBe('evil.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('')).toBe('attachment');
  });
});

describe(formatBytes.name, () => {
  it('prints limits the way people set them', () => {
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MiB');
    expect(formatBytes(2048)).toBe('2 KiB');
    expect(formatBytes(1500)).toBe('1,500 bytes');
  });
});
