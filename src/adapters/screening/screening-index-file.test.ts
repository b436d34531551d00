import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { buildScreeningIndex } from '../../domain/screening/screening-index.ts';
import { screenName } from '../../domain/screening/screen-name.ts';
import { decodeIndexFile, encodeIndexFile, type IndexFileContent } from './screening-index-file.ts';

const parties = [
  buildListedParty({
    source: 'us-bis-entity-list',
    entityNumber: 'CN:hikvision',
    names: [
      { value: 'Hangzhou Hikvision Digital Technology Co., Ltd.', type: 'primary' },
      { value: '杭州海康威视数字技术股份有限公司', type: 'aka' },
    ],
    countries: ['CN'],
  }),
  buildListedParty({
    source: 'us-ofac-sdn',
    entityNumber: '31455',
    names: [{ value: 'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ', type: 'primary' }],
    countries: ['RU'],
  }),
];

const content: IndexFileContent = {
  key: '1.0.0\nus-bis-entity-list@2026-01-01.abcdef12',
  snapshots: ['us-bis-entity-list@2026-01-01.abcdef12'],
  index: buildScreeningIndex(parties),
  ids: parties.map((p) => p.entityId),
  records: parties.map((p) => JSON.stringify(p)),
  provenance: [[parties[1]?.entityId ?? '', 'from a partner']],
};

describe(decodeIndexFile.name, () => {
  it('reads back the index, the records and the provenance that were written', () => {
    const view = decodeIndexFile(encodeIndexFile(content));
    expect(view?.key).toBe(content.key);
    expect(view?.snapshots).toEqual(content.snapshots);
    expect(view?.ids).toEqual(content.ids);
    expect(view?.provenance).toEqual(content.provenance);
    expect(view?.record(1)).toBe(content.records[1]);
    expect(view?.record(2)).toBeUndefined();
    expect(view?.index.latin.postings).toEqual(content.index.latin.postings);
  });

  it('answers every map lookup as the maps written, and nothing for a key they lack', () => {
    const index = decodeIndexFile(encodeIndexFile(content))?.index;
    const maps: [ReadonlyMap<string, unknown> | undefined, ReadonlyMap<string, unknown>][] = [
      [index?.latin.vocabulary, content.index.latin.vocabulary],
      [index?.latin.gramIds, content.index.latin.gramIds],
      [index?.skeleton.vocabulary, content.index.skeleton.vocabulary],
      [index?.skeleton.gramIds, content.index.skeleton.gramIds],
      [index?.exactNames, content.index.exactNames],
    ];
    for (const [read, written] of maps) {
      expect(new Map(read)).toEqual(written);
      expect(read?.size).toBe(written.size);
      for (const [key, value] of written) {
        expect(read?.get(key)).toEqual(value);
        expect(read?.has(key)).toBe(true);
      }
      expect(read?.get('not a key')).toBeUndefined();
      expect(read?.has('')).toBe(written.has(''));
    }
  });

  it('decodes names and parties when first read, and they behave as the arrays written', () => {
    const index = decodeIndexFile(encodeIndexFile(content))?.index;
    expect(index?.names).toHaveLength(content.index.names.length);
    expect(index?.names[1]).toEqual(content.index.names[1]);
    expect(index?.names[1]).toBe(index?.names[1]); // decoded once, then kept
    expect(index?.names[content.index.names.length]).toBeUndefined();
    expect(index?.names.map((n) => n.value)).toEqual(content.index.names.map((n) => n.value));
    expect([...(index?.parties ?? [])]).toEqual(content.index.parties);
    expect(Array.isArray(index?.parties)).toBe(true);
  });

  it('screens from the file as from the index it was written from', () => {
    const index = decodeIndexFile(encodeIndexFile(content))?.index;
    expect(index).toBeDefined();
    for (const name of ['Hikvision Digital Technology', '海康威视', 'Pozitiv Teknolodzhiz']) {
      expect(screenName(index ?? content.index, { name })).toEqual(
        screenName(content.index, { name }),
      );
    }
  });

  it('refuses a file of another format or cut short, so that the cache rebuilds it', () => {
    const bytes = encodeIndexFile(content);
    expect(decodeIndexFile(v8.serialize({ format: 1, key: content.key }))).toBeUndefined();
    expect(decodeIndexFile(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    expect(decodeIndexFile(Buffer.alloc(0))).toBeUndefined();
  });
});
