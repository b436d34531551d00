import type { ErrorCode } from '../../domain/shared/errors.ts';

/**
 * The one mapping from error codes to HTTP statuses. Codes that only the CLI raises are marked
 * `cli-only`; should one ever reach HTTP it is answered as 500, since that is a bug.
 */
export const httpStatusOf: Readonly<Record<ErrorCode, number | 'cli-only'>> = {
  CORDON_VALIDATION_FAILED: 400,
  CORDON_MALFORMED_REQUEST: 400,
  CORDON_UNSUPPORTED_MEDIA_TYPE: 415,
  CORDON_PAYLOAD_TOO_LARGE: 413,
  CORDON_RATE_LIMITED: 429,
  CORDON_ROUTE_NOT_FOUND: 404,
  CORDON_NOT_FOUND: 404,
  CORDON_NOT_READY: 503,
  CORDON_SHUTTING_DOWN: 503,
  CORDON_INTERNAL: 500,
  CORDON_USAGE: 'cli-only',
  CORDON_CONFIG_INVALID: 'cli-only',
  CORDON_DATABASE_UNREACHABLE: 503,
  CORDON_DATABASE_UNSUPPORTED: 'cli-only',
  CORDON_DATA_DIR_LOCKED: 'cli-only',
  CORDON_MIGRATION_FAILED: 'cli-only',
  CORDON_PORT_IN_USE: 'cli-only',
  CORDON_LIST_IMPORT_FAILED: 422,
  CORDON_LIST_SHRINK_REFUSED: 409,
  CORDON_UNKNOWN_LIST_SOURCE: 400,
  CORDON_SNAPSHOT_NOT_FOUND: 404,
  CORDON_FILE_UNREADABLE: 'cli-only',
  CORDON_UNAUTHENTICATED: 401,
  CORDON_FORBIDDEN: 403,
  CORDON_AUDIT_CHAIN_BROKEN: 500,
  CORDON_CASE_VERSION_CONFLICT: 409,
  CORDON_CASE_TRANSITION_NOT_ALLOWED: 409,
  CORDON_DUTIES_NOT_SEPARATE: 403,
  CORDON_PASSWORD_CHANGE_REQUIRED: 403,
  CORDON_GRANT_NOT_PENDING: 409,
  CORDON_NO_ACTIVE_LISTS: 503,
  CORDON_SCREEN_FILE_INVALID: 'cli-only',
  CORDON_BATCH_FILE_INVALID: 400,
  CORDON_NEEDS_POSTGRESQL: 'cli-only',
  CORDON_BACKUP_FAILED: 'cli-only',
  CORDON_ATTACHMENT_REFUSED: 415,
  CORDON_EXCHANGE_NOT_CONFIGURED: 503,
  CORDON_PUBLIC_CONSULTATION_NOT_NOW: 409,
};

/** The status a response with this code is sent with. */
export const statusFor = (code: ErrorCode): number => {
  const status = httpStatusOf[code];
  return status === 'cli-only' ? 500 : status;
};
