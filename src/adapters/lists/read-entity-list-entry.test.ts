import { describe, expect, it } from 'vitest';
import { readEntityListEntry } from './read-entity-list-entry.ts';

describe(readEntityListEntry.name, () => {
  it('ends the name at the first part that is not a legal form: the address follows', () => {
    expect(
      readEntityListEntry('Chengdu Huawei Technologies Co., Ltd., Chengdu, Sichuan, China.'),
    ).toEqual({
      name: 'Chengdu Huawei Technologies Co., Ltd.',
      aliases: [],
      addresses: ['Chengdu, Sichuan, China'],
      notes: [],
    });
  });

  it('keeps a unit of an organisation in the name', () => {
    expect(
      readEntityListEntry(
        'Academy of Military Medical Sciences, Military Veterinary Research Institute, 666 Liuying West Road, Changchun City, 130122, China.',
      ).name,
    ).toBe('Academy of Military Medical Sciences, Military Veterinary Research Institute');
  });

  it('reads the dash list after "a.k.a., the following N aliases:" and the addresses after it', () => {
    const entry = readEntityListEntry(
      'Kulon Scientific-Research Institute JSC, a.k.a., the following one alias:\n—NII Kulon JSC.\n \n 14 Murmankiv proezd, Moscow, 129075, Russia.',
    );
    expect(entry).toEqual({
      name: 'Kulon Scientific-Research Institute JSC',
      aliases: [{ value: 'NII Kulon JSC', type: 'aka' }],
      addresses: ['14 Murmankiv proezd, Moscow, 129075, Russia'],
      notes: [],
    });
  });

  it('takes an address written on the line of the last alias', () => {
    const entry = readEntityListEntry(
      'JSC GOZ Obukhov Plant, a.k.a., the following one alias:\n—GOZ Obukhov Plant. Prospekt Obukhovskoi Oboroni 120, Saint Petersburg, 192012, Russia.',
    );
    expect(entry.aliases).toEqual([{ value: 'GOZ Obukhov Plant', type: 'aka' }]);
    expect(entry.addresses).toEqual([
      'Prospekt Obukhovskoi Oboroni 120, Saint Petersburg, 192012, Russia',
    ]);
  });

  it('reads f.k.a. and a.k.a. in parentheses, each with its own type', () => {
    const entry = readEntityListEntry(
      'Gazprom Neft (a.k.a. Gazprom Neft OAO; a.k.a. JSC Gazprom Neft; f.k.a. Sibirskaya Neftyanaya Kompaniya OAO)\n Address: Let. A. Galernaya, 5, ul, St. Petersburg 190000, Russia\n Alt Address: Ul. Pochtamtskaya, 3-5, St. Petersburg 190000, Russia.',
    );
    expect(entry.name).toBe('Gazprom Neft');
    expect(entry.aliases).toEqual([
      { value: 'Gazprom Neft OAO', type: 'aka' },
      { value: 'JSC Gazprom Neft', type: 'aka' },
      { value: 'Sibirskaya Neftyanaya Kompaniya OAO', type: 'fka' },
    ]);
    expect(entry.addresses).toHaveLength(2);
  });

  it('keeps cross-references out of the name and the addresses', () => {
    expect(
      readEntityListEntry('Brian Douglas Woodford (See alternate address under Singapore)'),
    ).toEqual({
      name: 'Brian Douglas Woodford',
      aliases: [],
      addresses: [],
      notes: ['(See alternate address under Singapore)'],
    });
  });

  it('gives an address entry its number as the name', () => {
    expect(
      readEntityListEntry(
        'Address 05,\nFlat/RM 2309, 23/F, Ho King Commercial Centre, 2-16 Fa Yuen Street, Mong Kok, Kowloon, Hong Kong.',
      ),
    ).toMatchObject({
      name: 'Address 05',
      addresses: [
        'Flat/RM 2309, 23/F, Ho King Commercial Centre, 2-16 Fa Yuen Street, Mong Kok, Kowloon, Hong Kong',
      ],
    });
  });
});
