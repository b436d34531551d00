import type { DenialNotificationBody } from '../../domain/exchange/exchange-message.ts';

/** A partner state's denial in force, as received and verified through the exchange. */
export interface PartnerDenialRecord {
  /** The denying authority (`US-BIS`). */
  readonly sender: string;
  readonly reference: string;
  readonly denial: DenialNotificationBody;
  /** When the denial (or its last amendment) was recorded here. */
  readonly updatedAt: Date;
}

/** Reads partners' denials in force from the exchange store; read only. */
export interface PartnerDenialSource {
  activeDenials(): Promise<readonly PartnerDenialRecord[]>;
}
