/**
 * Cordon's error catalogue: every stable error code, with one line on when it fires. The codes are
 * part of the public contract (API responses, CLI `--json` output) and never change meaning;
 * `docs/errors.md` is generated from this table and a test keeps the two in step. How a code maps to
 * an HTTP status is the HTTP adapter's business, not the domain's.
 */
export const errorCatalogue = {
  CORDON_VALIDATION_FAILED:
    'A request body, query string or path parameter does not match its schema; `fields` names every offending field at once.',
  CORDON_MALFORMED_REQUEST:
    'The request body cannot be read at all (invalid JSON, an empty body where one is required).',
  CORDON_UNSUPPORTED_MEDIA_TYPE:
    'The request body has a content type the endpoint does not accept.',
  CORDON_PAYLOAD_TOO_LARGE: 'The request body is larger than the configured limit.',
  CORDON_RATE_LIMITED:
    'Too many requests from this client to a rate-limited endpoint (sign-in); the `retry-after` header says when to try again.',
  CORDON_ROUTE_NOT_FOUND: 'No endpoint exists for this method and path.',
  CORDON_NOT_FOUND:
    'The addressed record does not exist, or the caller may not know that it exists.',
  CORDON_NOT_READY:
    'The service is up but cannot serve yet: the database is unreachable or migrations are pending.',
  CORDON_SHUTTING_DOWN: 'The service is finishing in-flight requests before it stops.',
  CORDON_INTERNAL:
    'An unexpected failure inside Cordon; the response carries a request id to find it in the logs.',
  CORDON_USAGE: 'A CLI command was called with unknown options or missing arguments.',
  CORDON_CONFIG_INVALID:
    'A setting from the environment or a flag is malformed; the message names it.',
  CORDON_DATABASE_UNREACHABLE:
    'The configured PostgreSQL server cannot be reached or refuses the connection; the message names the host and the cause.',
  CORDON_DATABASE_UNSUPPORTED: 'The PostgreSQL server is older than version 15.',
  CORDON_DATA_DIR_LOCKED:
    'Another Cordon process holds the embedded data directory; the message names its process id and, for a server, its address.',
  CORDON_MIGRATION_FAILED:
    'A database migration failed; the database is left at the last good migration.',
  CORDON_PORT_IN_USE: 'The HTTP server cannot listen because the address is taken.',
  CORDON_LIST_IMPORT_FAILED:
    'A list import was refused: a file is unreadable, of the wrong format, truncated or incomplete (or, with --strict, a row was skipped). Nothing was imported; `problems` name the file and line or element.',
  CORDON_LIST_SHRINK_REFUSED:
    'A list import or roll-back would remove more than the deployment\'s share of the active entries (CORDON_LIST_MAX_REMOVED_SHARE, default 10%), or its files look cut short; nothing changed. Allow it with a reason (--allow-shrink "<reason>", allowShrink) if intended.',
  CORDON_UNKNOWN_LIST_SOURCE:
    'The list source id is not one Cordon knows; the message lists the known ones.',
  CORDON_SNAPSHOT_NOT_FOUND: 'No list snapshot has this id.',
  CORDON_FILE_UNREADABLE:
    'A file named on the command line cannot be read (missing, a folder, no permission).',
  CORDON_UNAUTHENTICATED:
    'The request carries no valid credentials (API key or session); sign in or send a key.',
  CORDON_FORBIDDEN: "The authenticated person's role does not allow this action.",
  CORDON_AUDIT_CHAIN_BROKEN:
    'The audit trail no longer verifies: an entry was edited, deleted or reordered; the message names the first.',
  CORDON_CASE_VERSION_CONFLICT:
    'Someone else changed the licence case since you loaded it (optimistic concurrency); reload and try again.',
  CORDON_DUTIES_NOT_SEPARATE:
    "Separation of duties refuses the step: the person already holds another duty on the licence case (advisor, recommender, decider and countersigner are different people), or their organisation may not act on the authority's cases.",
  CORDON_PASSWORD_CHANGE_REQUIRED:
    'Someone else set this password: change it (`POST /v1/auth/password`) before doing anything else with this session.',
  CORDON_GRANT_NOT_PENDING:
    'The grant request was already approved or rejected, has expired, or no longer applies (the username was taken meanwhile).',
  CORDON_CASE_TRANSITION_NOT_ALLOWED:
    'The licence case is not in a state that allows this step; the message names the state and the allowed steps.',
  CORDON_NO_ACTIVE_LISTS:
    'Screening was asked for but no restricted-list snapshot is active, so no result could be trusted; import lists first.',
  CORDON_SCREEN_FILE_INVALID:
    'A file given to `cordon screen-file` cannot be screened: a named column is missing, it is not UTF-8, its CSV cannot be read, or the output cannot be written; the message names the column, line or path.',
  CORDON_BATCH_FILE_INVALID:
    'A file given to `cordon batch submit` cannot be split into chunks: a named column is missing, it is not UTF-8, a line is not valid CSV, or it has no data rows; the message names which.',
  CORDON_NEEDS_POSTGRESQL:
    'The command runs on a shared PostgreSQL database only (batch screening, workers): set DATABASE_URL; the embedded store serves one process.',
  CORDON_BACKUP_FAILED:
    'A backup or restore of the embedded store could not be made: the file cannot be read or written, is not a Cordon backup, or the target directory is not empty.',
  CORDON_ATTACHMENT_REFUSED:
    'A document attached to a licence case is not of an accepted type (PDF, PNG, JPEG, plain text, CSV, DOCX, ODT), recognised by its content, or its content is not what its declared type or file name claims; nothing was stored.',
  CORDON_EXCHANGE_NOT_CONFIGURED:
    'The exchange with partner states is not set up on this node: it has no authority id or no key (run `cordon exchange keygen`); the message says which.',
  CORDON_PROPOSAL_STATE_NOT_ALLOWED:
    "The control proposal does not allow this step: it is a partner's (only its drafting authority changes it), it is not a draft (publish) or not published (amend, withdraw, record a position), or the version named does not exist.",
  CORDON_PUBLIC_CONSULTATION_NOT_NOW:
    'The public consultation does not allow this step now: commenting outside its comment period, a commenter over the comments allowed, a comment already answered, a response before the period ended or with comments unanswered, a second response, or registering while no consultation is open; the message says which.',
} as const satisfies Record<string, string>;

/** A stable error code from the catalogue. */
export type ErrorCode = keyof typeof errorCatalogue;

/** One problem with one named input field, reported alongside others so that all are fixed at once. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `body.parties.0.name` or `line 12, column name`. */
  readonly field: string;
  readonly problem: string;
}

/** An expected failure that crosses a boundary (HTTP, CLI): a code, a one-line message, and field problems. */
export interface CordonError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fields?: readonly FieldProblem[];
}

/** Builds a catalogue error; `fields` is kept only when non-empty. */
export const cordonError = (
  code: ErrorCode,
  message: string,
  fields?: readonly FieldProblem[],
): CordonError => (fields && fields.length > 0 ? { code, message, fields } : { code, message });
