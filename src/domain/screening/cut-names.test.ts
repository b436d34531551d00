import { describe, expect, it } from 'vitest';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { cutBeginning, cutNameCandidates } from './cut-names.ts';
import { writtenKey } from './truncated-names.ts';
import { prepareName } from './prepare-name.ts';
import { buildScreeningIndex } from './screening-index.ts';

// Made-up listings; a SWIFT MT line holds 35 characters.
const listed = [
  'Zorvatek Optronics Engineering Co., Ltd. (Branch)',
  'Zorvatek Optronics Engineering Institute',
  'Zorvatek Optical Systems',
  'Kelmaro Navigation Systems',
];
const index = buildScreeningIndex(
  listed.map((value) => buildListedParty({ names: [{ value, type: 'primary' }] })),
);
const nameOf = (id: number): string => index.names[id]?.value ?? '';

describe(writtenKey.name, () => {
  it('keeps the words as written, legal forms and order included, in lower case', () => {
    expect(writtenKey('Zorvatek Optronics Engineering Co., Lt')).toBe(
      'zorvatek optronics engineering co lt',
    );
    expect(writtenKey('HADDAD, Abdelkarim')).toBe('haddad abdelkarim');
    expect(writtenKey('ＺＯＲＶＡＴＥＫ')).toBe('zorvatek');
  });
});

describe(cutNameCandidates.name, () => {
  it('finds the listed names that begin with a cut query, as written', () => {
    const query = prepareName('Zorvatek Optronics Engineering Co. ');
    expect(query.cutAtFieldLength).toBe(false);
    expect(cutNameCandidates(index, query)).toEqual([]);
    const cut = prepareName('Zorvatek Optronics Engineering Inst'); // 35 characters
    expect(cut.cutAtFieldLength).toBe(true);
    expect(cutNameCandidates(index, cut).map(nameOf)).toEqual([
      'Zorvatek Optronics Engineering Institute',
    ]);
    // Cut after the legal form's first word, which the listed name's key keeps.
    const legal = prepareName('Zorvatek Optronics Engineering Co.,');
    expect(legal.cutAtFieldLength).toBe(true);
    expect(cutNameCandidates(index, legal).map(nameOf)).toEqual([
      'Zorvatek Optronics Engineering Co., Ltd. (Branch)',
    ]);
    expect(cutNameCandidates(index, cut, 0)).toEqual([]);
  });
});

describe(cutBeginning.name, () => {
  it("gives the information of the query's whole words when the listed name begins with it", () => {
    const cut = prepareName('Zorvatek Optronics Engineering Inst');
    const bits = cutBeginning(index, cut, 'Zorvatek Optronics Engineering Institute');
    expect(bits).toBeGreaterThan(12);
    expect(cutBeginning(index, cut, 'Zorvatek Optical Systems')).toBeUndefined();
    const notCut = prepareName('Zorvatek Optronics Engineering');
    expect(cutBeginning(index, notCut, 'Zorvatek Optronics Engineering Institute')).toBeUndefined();
  });
});
