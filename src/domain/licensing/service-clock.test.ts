import { describe, expect, it } from 'vitest';
import { serviceClock } from './service-clock.ts';

const d = (s: string) => new Date(`${s}T10:00:00Z`);

describe(serviceClock.name, () => {
  it('counts Monday to Friday after the day the stage began', () => {
    // Monday 2026-11-23 to Friday 2026-11-27: Tue, Wed, Thu, Fri
    expect(
      serviceClock(
        [{ stage: 'under-review', from: d('2026-11-23'), to: d('2026-11-27') }],
        d('2026-12-01'),
        [],
      ).workingDays,
    ).toBe(4);
  });

  it('skips weekends and public holidays', () => {
    // Friday 2026-12-18 to Tuesday 2026-12-29 with 25 and 28 Dec as holidays
    const clock = serviceClock(
      [{ stage: 'under-review', from: d('2026-12-18'), to: d('2026-12-29') }],
      d('2027-01-05'),
      ['2026-12-25', '2026-12-28'],
    );
    expect(clock.workingDays).toBe(5); // 21, 22, 23, 24 and 29 December
  });

  it('stops while the case is with the exporter', () => {
    const clock = serviceClock(
      [
        { stage: 'under-review', from: d('2026-11-23'), to: d('2026-11-25') },
        { stage: 'returned-to-exporter', from: d('2026-11-25'), to: d('2026-12-07') },
        { stage: 'under-review', from: d('2026-12-07'), to: undefined },
      ],
      d('2026-12-09'),
      [],
    );
    expect(clock.workingDays).toBe(4);
    expect(clock.byStage).toEqual({ 'under-review': 4 });
  });
});
