import { describe, expect, it } from 'vitest';
import { parseItemsFile } from './controls-input.ts';
import { parseJsonText } from './json-file.ts';

describe(parseJsonText.name, () => {
  it('names the line and column of the first mistake, where JSON.parse gives no position', () => {
    expect(parseJsonText('item.json', '{\n  "a": 1,\n  "b": yes\n}')).toMatchObject({
      ok: false,
      error: {
        code: 'CORDON_MALFORMED_REQUEST',
        message: 'item.json is not valid JSON: line 3, column 8: expected a value, unexpected "y".',
      },
    });
    expect(parseJsonText('item.json', '{"a": [1, 2,]}')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('a trailing comma before "]"') },
    });
  });
});

describe(parseItemsFile.name, () => {
  it('names every offending field of an item at once, unknown fields (typos) included', () => {
    const result = parseItemsFile('item.json', {
      description: 'Box',
      capabilities: ['mind-reading'],
      capabilites: [],
      answers: { x: 'maybe' },
    });
    expect(result.ok ? [] : result.error.fields?.map((f) => f.field)).toEqual([
      'capabilities[0]',
      'answers.x',
      'capabilites',
    ]);
  });

  it('reads a transaction whose destination is left to --destination, and names fields inside its items', () => {
    expect(parseItemsFile('t.json', { items: [{ description: 'Box' }] })).toMatchObject({
      ok: true,
      value: { form: 'transaction', items: [{ description: 'Box' }] },
    });
    const bad = parseItemsFile('t.json', { items: [{ descripton: 'Box' }] });
    expect(bad.ok ? [] : bad.error.fields).toEqual([
      { field: 'items[0].description', problem: 'is required' },
      { field: 'items[0].descripton', problem: 'is not a known field' },
    ]);
  });
});
