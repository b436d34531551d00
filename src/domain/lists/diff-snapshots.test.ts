import { describe, expect, it } from 'vitest';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { diffSnapshots } from './diff-snapshots.ts';

const party = (n: string, overrides = {}) =>
  buildListedParty({
    entityNumber: n,
    names: [{ value: `ENTITY ${n}`, type: 'primary' }],
    ...overrides,
  });

describe(diffSnapshots.name, () => {
  it('reports entries added and removed, matched by entity id', () => {
    const diff = diffSnapshots([party('1'), party('2')], [party('2'), party('3')]);
    expect(diff.added).toEqual([{ entityId: 'us-ofac-sdn:3', name: 'ENTITY 3' }]);
    expect(diff.removed).toEqual([{ entityId: 'us-ofac-sdn:1', name: 'ENTITY 1' }]);
    expect(diff.unchangedCount).toBe(1);
  });

  it('names the fields that changed and the names gained and lost', () => {
    const before = party('5', { programmes: ['SDGT'] });
    const after = party('5', {
      programmes: ['SDGT', 'CYBER2'],
      names: [
        { value: 'ENTITY 5', type: 'primary' },
        { value: 'NEW ALIAS', type: 'aka' },
      ],
    });
    expect(diffSnapshots([before], [after]).changed).toEqual([
      {
        entityId: 'us-ofac-sdn:5',
        name: 'ENTITY 5',
        fields: ['names', 'programmes'],
        namesAdded: ['NEW ALIAS'],
        namesRemoved: [],
      },
    ]);
  });

  it('does not count a reordering of names or programmes as a change', () => {
    const before = party('6', { programmes: ['A', 'B'] });
    const after = party('6', { programmes: ['B', 'A'] });
    expect(diffSnapshots([before], [after])).toMatchObject({ changed: [], unchangedCount: 1 });
  });

  it('does not count a different key order inside a record as a change', () => {
    const before = party('7', { addresses: [{ text: 'Main St 1', city: 'Minsk', country: 'BY' }] });
    const after = party('7', { addresses: [{ country: 'BY', city: 'Minsk', text: 'Main St 1' }] });
    expect(diffSnapshots([before], [after]).changed).toEqual([]);
  });
});
