import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse } from '../../contracts/error-response.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { statusFor } from './error-status.ts';

/** Sends a catalogue error in the one error shape, with the status the catalogue maps it to. */
export function sendError(reply: FastifyReply, error: CordonError): FastifyReply {
  const body: ErrorResponse = {
    error: {
      code: error.code,
      message: error.message,
      requestId: reply.request.id,
      ...(error.fields ? { fields: [...error.fields] } : {}),
    },
  };
  return reply.code(statusFor(error.code)).type('application/json; charset=utf-8').send(body);
}

interface AjvIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

/**
 * Translates any error that reached Fastify's error handler into a catalogue error. Validation
 * errors keep every issue, each named by its field; anything unexpected becomes `CORDON_INTERNAL`
 * (the details go to the log, never to the client).
 */
export function toCordonError(error: FastifyError): CordonError {
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    const fields = (error.validation as readonly AjvIssue[]).map((issue) =>
      fieldProblemOf(context, issue),
    );
    const first = fields[0];
    const summary =
      fields.length === 1 && first
        ? `${first.field}: ${first.problem}`
        : `${fields.length} problems in the request ${context}`;
    return cordonError('CORDON_VALIDATION_FAILED', `Invalid request: ${summary}.`, fields);
  }
  switch (error.code) {
    // Multipart uploads beyond their limits, or not multipart at all: the client's mistake, named.
    case 'FST_FILES_LIMIT':
      return cordonError('CORDON_VALIDATION_FAILED', 'The upload has more files than allowed.', [
        { field: 'files', problem: 'too many files in one upload' },
      ]);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return cordonError('CORDON_VALIDATION_FAILED', 'The upload has more fields than allowed.', [
        { field: 'fields', problem: 'too many form fields in one upload' },
      ]);
    case 'FST_REQ_FILE_TOO_LARGE':
      return cordonError('CORDON_PAYLOAD_TOO_LARGE', 'An uploaded file is larger than the limit.');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return cordonError('CORDON_MALFORMED_REQUEST', 'The multipart body cannot be read.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return cordonError(
        'CORDON_UNSUPPORTED_MEDIA_TYPE',
        'Unsupported content type: send application/json.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return cordonError('CORDON_PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return cordonError('CORDON_MALFORMED_REQUEST', 'The JSON request body is empty.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return cordonError(
        'CORDON_MALFORMED_REQUEST',
        `The request body is not valid JSON: ${error.message}`,
      );
    default:
      break;
  }
  if (error.statusCode === 429) {
    return cordonError('CORDON_RATE_LIMITED', `Too many requests: ${error.message}`);
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return cordonError('CORDON_MALFORMED_REQUEST', `The request cannot be read: ${error.message}`);
  }
  return cordonError(
    'CORDON_INTERNAL',
    'An unexpected error occurred; quote the request id when reporting it.',
  );
}

function fieldProblemOf(context: string, issue: AjvIssue): FieldProblem {
  const segments = issue.instancePath
    .split('/')
    .filter((s) => s !== '')
    .map(unescapePointer);
  if (issue.keyword === 'required' && typeof issue.params['missingProperty'] === 'string') {
    segments.push(issue.params['missingProperty']);
    return { field: [context, ...segments].join('.'), problem: 'is required' };
  }
  if (
    issue.keyword === 'additionalProperties' &&
    typeof issue.params['additionalProperty'] === 'string'
  ) {
    segments.push(issue.params['additionalProperty']);
    return { field: [context, ...segments].join('.'), problem: 'is not a known field' };
  }
  return { field: [context, ...segments].join('.'), problem: issue.message ?? issue.keyword };
}

const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** Logs an error at the level it deserves: client mistakes at info, our failures at error. */
export function logError(request: FastifyRequest, error: FastifyError, mapped: CordonError): void {
  if (mapped.code === 'CORDON_INTERNAL') {
    request.log.error({ err: error }, 'request failed');
  } else {
    request.log.info({ code: mapped.code, message: mapped.message }, 'request rejected');
  }
}
