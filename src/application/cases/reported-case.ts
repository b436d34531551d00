import type { ReportedCase } from '../../domain/licensing/transparency-report.ts';
import type { CaseRecord } from '../ports/case-store.ts';

/**
 * A stored case as the statistics and the transparency report count it: the case, its
 * destination country (`??` when the application names none) and every control entry its items
 * cite. The application is stored as submitted, so its shape is checked, not assumed.
 */
export function reportedCase(record: CaseRecord): ReportedCase {
  const destination = (record.application.destination ?? {}) as { country?: unknown };
  const items = Array.isArray(record.application.items)
    ? (record.application.items as { controlEntries?: unknown }[])
    : [];
  return {
    licenceCase: record.licenceCase,
    destination: typeof destination.country === 'string' ? destination.country : '??',
    controlEntries: items.flatMap((i) =>
      Array.isArray(i.controlEntries)
        ? i.controlEntries.filter((e): e is string => typeof e === 'string')
        : [],
    ),
  };
}
