import { describe, expect, it } from 'vitest';
import { draftCase } from './case-transitions.ts';
import type { LicenceCase } from './licence-case.ts';
import { assignCase, queueRow, workQueue } from './work-queue.ts';

const now = new Date('2026-12-06T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const cara = { userId: 'u-cara', role: 'caseworker' as const, name: 'cara' };

const submitted = (reference: string, days: number, extra: Partial<LicenceCase> = {}) => ({
  ...draftCase({ id: reference, reference, jurisdiction: 'GB', exporterOrganisationId: 'o', now }),
  stage: 'under-review' as const,
  submittedAt: daysAgo(days),
  ...extra,
});
const rows = [
  queueRow(
    submitted('GB-1', 2),
    { exporter: { name: 'Acme Ltd' }, destination: { country: 'CN' } },
    'high',
    now,
  ),
  queueRow(
    submitted('GB-2', 9, { assignee: { actor: cara, at: now }, queue: 'human-rights' }),
    { exporter: { name: 'Bolt plc' }, destination: { country: 'AE' } },
    'medium',
    now,
  ),
  queueRow(
    submitted('GB-3', 0),
    { exporter: { name: 'Acme Ltd' }, destination: { country: 'RU' } },
    undefined,
    now,
  ),
];

describe(queueRow.name, () => {
  it('reads exporter, destination, risk, assignee and age in whole days', () => {
    expect(rows[1]).toMatchObject({
      exporter: 'Bolt plc',
      destination: 'AE',
      risk: 'medium',
      assignee: { userId: 'u-cara', name: 'cara' },
      ageDays: 9,
    });
    expect(rows[2]?.risk).toBe('unknown');
  });
});

describe(workQueue.name, () => {
  const refs = (r: readonly { reference: string }[]) => r.map((x) => x.reference);

  it('puts the longest-waiting case first by default', () => {
    expect(refs(workQueue(rows, {}, 'u-cara'))).toEqual(['GB-2', 'GB-1', 'GB-3']);
  });

  it('filters by assignee (me, none), risk and destination, and searches the exporter', () => {
    expect(refs(workQueue(rows, { assignee: 'me' }, 'u-cara'))).toEqual(['GB-2']);
    expect(refs(workQueue(rows, { assignee: 'none' }, 'u-cara'))).toEqual(['GB-1', 'GB-3']);
    expect(refs(workQueue(rows, { risk: 'high' }, 'u-cara'))).toEqual(['GB-1']);
    expect(refs(workQueue(rows, { destination: 'ru' }, 'u-cara'))).toEqual(['GB-3']);
    expect(refs(workQueue(rows, { search: 'acme' }, 'u-cara'))).toEqual(['GB-1', 'GB-3']);
  });

  it('sorts by risk, highest first when descending', () => {
    expect(refs(workQueue(rows, { sort: 'risk', order: 'desc' }, 'x'))).toEqual([
      'GB-1',
      'GB-2',
      'GB-3',
    ]);
    expect(refs(workQueue(rows, { sort: 'exporter', order: 'asc' }, 'x'))).toEqual([
      'GB-1',
      'GB-3',
      'GB-2',
    ]);
  });
});

describe(assignCase.name, () => {
  it('assigns a case in the authority’s hands and refuses a final one', () => {
    const open = submitted('GB-1', 1);
    const taken = assignCase(open, cara, now);
    expect(taken.ok && taken.value.assignee).toEqual({ actor: cara, at: now });
    expect(taken.ok && taken.value.version).toBe(open.version + 1);
    const final = assignCase({ ...open, stage: 'finalised' }, cara, now);
    expect(final.ok ? undefined : final.error.code).toBe('CORDON_CASE_TRANSITION_NOT_ALLOWED');
  });
});
