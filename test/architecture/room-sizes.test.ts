import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Data tables, not code: generated (see ARCHITECTURE.md, "Generated files") or kept by hand. */
const dataTables = new Set([
  'src/domain/lists/country-codes.ts',
  'src/domain/screening/confusables-table.ts',
  'src/domain/screening/given-name-groups.ts',
  'src/domain/screening/japanese-name-readings.ts',
  'src/domain/screening/wade-giles-table.ts',
  'src/domain/screening/word-frequency-table.ts',
  'src/domain/screening/xinjiang-tibet-places.ts',
]);

/** Every TypeScript file under `dir`, relative to the repository, tests included. */
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')));
}

const lineCount = (file: string): number =>
  fs.readFileSync(path.join(root, file), 'utf8').split('\n').length - 1;

/** The interfaces of a file with how many methods each declares (function-typed members too). */
function interfaceMethods(file: string): { readonly name: string; readonly methods: number }[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(root, file), 'utf8'),
    ts.ScriptTarget.Latest,
  );
  return source.statements.filter(ts.isInterfaceDeclaration).map((declaration) => ({
    name: declaration.name.text,
    methods: declaration.members.filter(
      (m) =>
        ts.isMethodSignature(m) ||
        (ts.isPropertySignature(m) && m.type !== undefined && ts.isFunctionTypeNode(m.type)),
    ).length,
  }));
}

describe('rooms a newcomer can read', () => {
  it('keeps every source file at 600 lines or fewer, data tables apart', () => {
    const tooLong = ['src', 'test', 'bench']
      .flatMap(sourceFiles)
      .filter((file) => !dataTables.has(file))
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter(({ lines }) => lines > 600);
    expect(tooLong).toEqual([]);
  });

  it('keeps every port and use-case interface at 8 methods or fewer', () => {
    const tooWide = sourceFiles('src/application')
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) => interfaceMethods(file).map((i) => ({ file, ...i })))
      .filter(({ methods }) => methods > 8);
    expect(tooWide).toEqual([]);
  });
});
