import type { ColumnType, Generated } from 'kysely';
import type { PublicConsultationTables } from './public-consultation-schema.ts';

/**
 * The tables Cordon stores, as Kysely sees them. One schema for both engines (PGlite and
 * PostgreSQL 15+); every migration in `migrations/` must keep this interface true.
 */
export interface Database extends PublicConsultationTables {
  cordon_instance: CordonInstanceTable;
  list_snapshot: ListSnapshotTable;
  list_entry: ListEntryTable;
  list_source_state: ListSourceStateTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  grant_request: GrantRequestTable;
  enrolment: EnrolmentTable;
  login_failure: LoginFailureTable;
  exchange_audit_witness: ExchangeAuditWitnessTable;
  api_token: ApiTokenTable;
  web_session: WebSessionTable;
  audit_entry: AuditEntryTable;
  licence_case: LicenceCaseTable;
  case_event: CaseEventTable;
  case_document: CaseDocumentTable;
  case_reference_counter: CaseReferenceCounterTable;
  case_alert: CaseAlertTable;
  case_attachment: CaseAttachmentTable;
  screening_batch: ScreeningBatchTable;
  screening_batch_chunk: ScreeningBatchChunkTable;
  screening_batch_result: ScreeningBatchResultTable;
  exchange_partner: ExchangePartnerTable;
  exchange_partner_key: ExchangePartnerKeyTable;
  exchange_outbox: ExchangeOutboxTable;
  exchange_inbox: ExchangeInboxTable;
  exchange_rejected: ExchangeRejectedTable;
  exchange_denial: ExchangeDenialTable;
  exchange_consultation: ExchangeConsultationTable;
  exchange_alert: ExchangeAlertTable;
  rate_limit_counter: RateLimitCounterTable;
  indicator_dataset: IndicatorDatasetTable;
  indicator_value: IndicatorValueTable;
  control_proposal: ControlProposalTable;
  control_proposal_position: ControlProposalPositionTable;
  proposal_sync_gap_alert: ProposalSyncGapAlertTable;
  notification: NotificationTable;
  notification_read: NotificationReadTable;
}

/** One row, written when a store is created: which code version created it, and when. */
export interface CordonInstanceTable {
  id: Generated<number>;
  created_at: ColumnType<Date, string | undefined, never>;
  created_by_version: string;
}

export interface ListSnapshotTable {
  id: string;
  source: string;
  /** Read back as text (`YYYY-MM-DD`): the date is never shifted by a time zone. */
  data_date: ColumnType<string, string, never>;
  imported_at: ColumnType<Date, Date, never>;
  content_hash: string;
  files: ColumnType<unknown, string, never>;
  entry_count: number;
  skipped_count: number;
  problems: ColumnType<unknown, string, never>;
  importer_version: string;
  provenance: string;
}

export interface ListEntryTable {
  snapshot_id: string;
  entity_id: string;
  primary_name: string;
  /** Every name of the entry, lower-cased and joined, for browsing by text. */
  search_text: string;
  record: ColumnType<unknown, string, never>;
}

export interface ListSourceStateTable {
  source: string;
  active_snapshot_id: string;
  activated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface OrganisationTable {
  id: string;
  name: string;
  kind: string;
  country: string;
  created_at: ColumnType<Date, Date, never>;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  organisation_id: string;
  roles: ColumnType<unknown, string, string>;
  password_hash: string | null;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: Date | null;
  created_at: ColumnType<Date, Date, never>;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface GrantRequestTable {
  id: string;
  kind: string;
  username: string;
  organisation_id: string | null;
  display_name: string | null;
  roles: ColumnType<unknown, string, string>;
  reason: string;
  requested_by_user_id: string;
  requested_by: string;
  requested_at: Date;
  expires_at: Date;
  status: string;
  decided_by_user_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  requester_half_hash: string | null;
}

export interface EnrolmentTable {
  user_id: string;
  requester_half_hash: string;
  approver_half_hash: string;
  expires_at: Date;
}

export interface ExchangeAuditWitnessTable {
  sender: string;
  seq: ColumnType<string, number | string, never>;
  hash: string;
  at: string;
  message_id: string;
  key_id: string;
  received_at: Date;
}

export interface LoginFailureTable {
  key: string;
  failures: number;
  last_failure_at: Date;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  scopes: ColumnType<unknown, string, never>;
  secret_hash: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: ColumnType<Date, Date, never>;
  revoked_at: Date | null;
}

export interface WebSessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: ColumnType<Date, Date, never>;
}

/**
 * The audit trail. `at` and `details` are stored as the exact text that was hashed, so that no
 * type conversion by either engine can change what `cordon audit verify` recomputes.
 */
export interface AuditEntryTable {
  /** bigint: read back as a string by node-postgres. */
  seq: ColumnType<string, number, never>;
  at: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  request_id: string | null;
  details: string;
  previous_hash: string;
  hash: string;
}

/** JSON columns are text: what was written is read back byte for byte on both engines. */
export interface LicenceCaseTable {
  id: string;
  reference: string;
  jurisdiction: string;
  exporter_organisation_id: string;
  stage: string;
  queue: string | null;
  version: number;
  state: string;
  application: string;
  assessment: string | null;
  routing: string | null;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

export interface CaseEventTable {
  case_id: string;
  version: number;
  event: string;
}

export interface CaseDocumentTable {
  code: string;
  case_id: string;
  case_reference: string;
  kind: string;
  issued_at: ColumnType<Date, Date, never>;
  sha256: string;
  pdf: ColumnType<Uint8Array, Uint8Array, never>;
}

/** A supporting document of a case, with its content. */
export interface CaseAttachmentTable {
  id: string;
  case_id: string;
  category: string;
  file_name: string;
  kind: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  description: string | null;
  uploaded_by: string;
  uploaded_at: ColumnType<Date, Date, never>;
  content: ColumnType<Uint8Array, Uint8Array, never>;
}

export interface CaseReferenceCounterTable {
  prefix: string;
  last: number;
}

/** A submitted batch: `submitting` while its chunks are written, then `queued`, `done`. */
export interface ScreeningBatchTable {
  id: string;
  file_name: string;
  status: string;
  row_count: number;
  chunk_count: number;
  match_limit: number;
  submitted_at: ColumnType<Date, Date, never>;
  completed_at: Date | null;
  /** Kept to be screened again after every list update. */
  standing: ColumnType<boolean, boolean | undefined, boolean>;
  /** The standing batch whose rows this re-run screens again. */
  rerun_of: string | null;
  /** What started a re-run (the list update). */
  cause: string | null;
  /** `<standing batch>:<update>`, unique: one re-run per standing batch and update. */
  rerun_key: string | null;
}

/** One chunk of a batch: its rows (JSON text) and whether a worker has stored their results. */
export interface ScreeningBatchChunkTable {
  batch_id: string;
  chunk: number;
  first_row: number;
  row_count: number;
  rows: ColumnType<string, string, never>;
  status: string;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  /** The list snapshot ids screened against (JSON text), set when the chunk is done. */
  snapshot: string | null;
  completed_at: Date | null;
}

/** One row's result (JSON text); (batch_id, row) is unique, so a retried chunk stores nothing twice. */
export interface ScreeningBatchResultTable {
  batch_id: string;
  row: number;
  outcome: string;
  match_count: number;
  strong: boolean;
  result: string;
}

/** Partner states, each with its feed cursor (the last accepted sequence and its hash). */
export interface ExchangePartnerTable {
  id: string;
  url: string;
  last_sequence: ColumnType<number, number | undefined, number>;
  last_hash: string | null;
  added_at: ColumnType<Date, Date, never>;
  last_sync_at: Date | null;
  last_sync_error: string | null;
}

export interface ExchangePartnerKeyTable {
  partner_id: string;
  kid: string;
  public_jwk: string;
  valid_until: Date | null;
  added_at: ColumnType<Date, Date, never>;
}

/** Our own signed chain; `header` and `body` are canonical JSON text. */
export interface ExchangeOutboxTable {
  sequence: number;
  hash: string;
  kind: string;
  header: string;
  jws: string;
  body: string;
  issued_at: Date;
}

/** Accepted messages from partners; `body` is null for headers addressed to others. */
export interface ExchangeInboxTable {
  sender: string;
  sequence: number;
  hash: string;
  kind: string;
  header: string;
  jws: string;
  body: string | null;
  received_at: Date;
}

export interface ExchangeRejectedTable {
  id: Generated<number>;
  partner_id: string;
  sequence: number | null;
  reason: string;
  detail: string;
  jws: string;
  received_at: Date;
}

export interface ExchangeDenialTable {
  sender: string;
  reference: string;
  status: string;
  denial: string;
  case_id: string | null;
  updated_at: Date;
  /** JSON of the recipients of our own denial. */
  recipients: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ExchangeConsultationTable {
  id: string;
  direction: string;
  partner_id: string;
  denial_reference: string;
  case_id: string | null;
  status: string;
  record: string;
  updated_at: Date;
}

export interface ExchangeAlertTable {
  sender: string;
  alert_id: string;
  alert: string;
  received_at: Date;
  status: ColumnType<string, string | undefined, string>;
  /** JSON of the verified message a partner's alert came in. */
  message: string | null;
  /** JSON of the withdrawal. */
  withdrawal: string | null;
  updated_at: Date;
}

export interface CaseAlertTable {
  id: string;
  case_id: string;
  raised_at: ColumnType<Date, Date, never>;
  alert: string;
}

export interface RateLimitCounterTable {
  key: string;
  hits: number;
  reset_at: Date;
}

/** One imported version of a country indicator source (`vdem@2`); immutable. */
export interface IndicatorDatasetTable {
  id: string;
  source: string;
  version: number;
  file_name: string;
  content_hash: string;
  year: number | null;
  indicators: ColumnType<unknown, string, never>;
  row_count: number;
  skipped_entities: ColumnType<unknown, string, never>;
  imported_at: ColumnType<Date, Date, never>;
  importer_version: string;
}

/** One country-year of an indicator dataset: `{ "v2x_clphy": 0.12, ... }`. */
export interface IndicatorValueTable {
  dataset_id: string;
  country: string;
  year: number;
  readings: ColumnType<unknown, string, never>;
}

/** A control proposal, ours or a partner's; `record` is its JSON (versions, withdrawal). */
export interface ControlProposalTable {
  id: string;
  authority: string;
  title: string;
  status: string;
  current_version: number;
  record: string;
  created_at: Date;
  updated_at: Date;
}

/** An authority's position on one version of a proposal; `record` is its JSON. */
export interface ControlProposalPositionTable {
  proposal_id: string;
  partner: string;
  version: number;
  position: string;
  record: string;
  recorded_at: Date;
}

/** An open case that a partner's adopted control would capture; once per proposal, partner and case. */
export interface ProposalSyncGapAlertTable {
  id: string;
  proposal_id: string;
  partner: string;
  case_id: string;
  record: string;
  raised_at: Date;
}

/** An in-app notification, addressed to a user, an organisation or a role (`recipient_kind`). */
export interface NotificationTable {
  id: string;
  case_id: string;
  case_reference: string;
  kind: string;
  message: string;
  recipient_kind: 'user' | 'organisation' | 'role';
  recipient: string;
  created_at: Date;
}

/** Who read which notification, and when. */
export interface NotificationReadTable {
  notification_id: string;
  user_id: string;
  read_at: Date;
}
