import type { FastifyError, FastifyRequest } from 'fastify';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { toCordonError } from './errors.ts';

/** A multipart upload as read: its text fields and files, whole. */
export interface MultipartUpload {
  readonly fields: Readonly<Record<string, string>>;
  readonly files: readonly {
    readonly name: string;
    readonly type: string;
    readonly bytes: Uint8Array;
  }[];
}

/**
 * Reads a whole multipart body within the limits the route registered. Whatever goes wrong while
 * reading it is the client's doing and answered as such, never as a 500: too many fields or files
 * (400 naming which), a file over the limit (413), a body cut short or malformed (400).
 */
export async function readMultipart(
  request: FastifyRequest,
): Promise<Result<MultipartUpload, CordonError>> {
  const fields: Record<string, string> = {};
  const files: { name: string; type: string; bytes: Uint8Array }[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = new Uint8Array(await part.toBuffer());
        files.push({ name: part.filename || part.fieldname, type: part.mimetype, bytes });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const mapped = toCordonError(error as FastifyError);
    if (mapped.code !== 'CORDON_INTERNAL') return err(mapped);
    // The multipart parser's own complaints ("Unexpected end of multipart data", "Malformed part
    // header") carry no code: the body could not be read.
    return err(
      cordonError(
        'CORDON_MALFORMED_REQUEST',
        `The multipart body cannot be read: ${(error as Error).message}.`,
      ),
    );
  }
  return ok({ fields, files });
}
