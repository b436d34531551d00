import { describe, expect, it } from 'vitest';
import { parseCatalogueFile } from './proposals-cli.ts';

describe(parseCatalogueFile.name, () => {
  it('reads a CSV catalogue: quoted cells, lists split on ";", answers as fact=answer, blank lines skipped', async () => {
    const read = await parseCatalogueFile(
      'items.csv',
      '\uFEFFref,description,controlEntries,capabilities,answers\r\n' +
        'FR-200,"Face matching, for crowds",5A001.j; 4D004,facial-recognition,facial-recognition-mass-surveillance=yes\r\n' +
        '\r\n' +
        ',Robot arm,,none,\r\n',
    );
    expect(read).toEqual({
      ok: true,
      value: [
        {
          ref: 'FR-200',
          description: 'Face matching, for crowds',
          controlEntries: ['5A001.j', '4D004'],
          capabilities: ['facial-recognition'],
          answers: { 'facial-recognition-mass-surveillance': 'yes' },
        },
        { description: 'Robot arm', capabilities: ['none'] },
      ],
    });
  });

  it('names the line of a quoted cell the file ends inside, and a file with only its header', async () => {
    const cut = await parseCatalogueFile('cut.csv', 'description\nCamera\n"Face matching\n');
    expect(cut.ok ? [] : cut.error.fields).toEqual([
      { field: 'line 3', problem: 'a quoted cell is never closed: the file ends inside it' },
    ]);
    const empty = await parseCatalogueFile('empty.csv', 'ref,description\n');
    expect(empty.ok ? [] : empty.error.fields).toEqual([
      { field: 'line 2', problem: 'no item: the file has only its header' },
    ]);
  });

  it('reads a JSON array of items, or an object with items, and names a bad item by its index', async () => {
    const items = [{ description: 'Camera', capabilities: ['none'] }];
    expect(await parseCatalogueFile('a.json', JSON.stringify(items))).toEqual({
      ok: true,
      value: items,
    });
    expect(await parseCatalogueFile('b.json', JSON.stringify({ items }))).toEqual({
      ok: true,
      value: items,
    });
    const bad = await parseCatalogueFile('c.json', JSON.stringify([...items, { text: 'x' }]));
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.error.fields?.map((f) => f.field)).toContain('items[1]');
    const notJson = await parseCatalogueFile('d.json', '[{"description": }]');
    expect(notJson.ok ? '' : notJson.error.message).toMatch(/d\.json is not valid JSON: line 1/);
  });
});
