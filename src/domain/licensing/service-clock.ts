import { clockRunsIn, type CaseStage } from './case-state.ts';

/** A period a case spent in one stage. `to` is open (`undefined`) for the current stage. */
export interface StagePeriod {
  readonly stage: CaseStage;
  readonly from: Date;
  readonly to: Date | undefined;
}

export interface ServiceClock {
  /** Working days counted while the authority had the case (the clock stops with the exporter). */
  readonly workingDays: number;
  /** Working days per stage, for the service-level report. */
  readonly byStage: Readonly<Partial<Record<CaseStage, number>>>;
}

/**
 * Counts working days (Monday to Friday, minus the given public holidays, in UTC) that a case
 * spent in stages where the authority's clock runs. A day counts once, in the stage the case was
 * in at the end of it; the day of submission does not count (the clock starts the next working day).
 *
 * @example
 * serviceClock([{ stage: 'under-review', from: mon, to: fri }], fri, []) // { workingDays: 4, ... }
 */
export function serviceClock(
  periods: readonly StagePeriod[],
  now: Date,
  holidays: readonly string[],
): ServiceClock {
  const closed = new Set(holidays);
  const byStage: Partial<Record<CaseStage, number>> = {};
  let workingDays = 0;
  for (const period of periods) {
    if (!clockRunsIn.has(period.stage)) continue;
    const end = period.to ?? now;
    for (let day = nextDay(period.from); day.getTime() <= end.getTime(); day = nextDay(day)) {
      const weekday = day.getUTCDay();
      if (weekday === 0 || weekday === 6 || closed.has(day.toISOString().slice(0, 10))) continue;
      workingDays += 1;
      byStage[period.stage] = (byStage[period.stage] ?? 0) + 1;
    }
  }
  return { workingDays, byStage };
}

const nextDay = (date: Date) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1));
