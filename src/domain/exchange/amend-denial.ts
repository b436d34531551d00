import { canonicalJson } from '../shared/canonical-json.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { parseBody, type DenialNotificationBody } from './exchange-message.ts';

/**
 * What an amendment may correct in a denial: the transaction as notified. The reference and the
 * date of the refusal stay: they identify the denial.
 */
export type DenialChanges = Partial<
  Pick<
    DenialNotificationBody,
    | 'parties'
    | 'controlEntries'
    | 'itemDescription'
    | 'destination'
    | 'endUse'
    | 'criteria'
    | 'reviewBy'
  >
>;

const amendable = [
  'parties',
  'controlEntries',
  'itemDescription',
  'destination',
  'endUse',
  'criteria',
  'reviewBy',
] as const;

/**
 * Applies corrections to a denial and checks the result as a partner would check a notification.
 * Returns the amended denial and the fields that changed; a correction that changes nothing, or
 * leaves the denial malformed, is refused in words.
 *
 * @example
 * amendDenial(denial, { parties: [{ role: 'end-user', name: 'Lianhai Chuangzhi', aliases: ['联海创智'] }] })
 * // ok({ denial: { ...denial, parties: [...] }, changed: ['parties'] })
 */
export function amendDenial(
  denial: DenialNotificationBody,
  changes: DenialChanges,
): Result<
  { readonly denial: DenialNotificationBody; readonly changed: readonly string[] },
  string
> {
  const amended: DenialNotificationBody = { ...denial };
  const changed: string[] = [];
  for (const field of amendable) {
    const value = changes[field];
    if (value === undefined) continue;
    if (canonicalJson(value) === canonicalJson(denial[field])) continue;
    Object.assign(amended, { [field]: value });
    changed.push(field);
  }
  if (changed.length === 0) return err('the amendment changes nothing');
  const checked = parseBody('denial-notification', amended);
  if (!checked.ok) return err(checked.error);
  return ok({ denial: checked.value, changed });
}
