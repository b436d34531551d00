import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpStatusOf } from '../../src/adapters/http/error-status.ts';
import { errorCatalogue } from '../../src/domain/shared/errors.ts';

const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/errors.md'), 'utf8');
const documentedCodes = [...docs.matchAll(/^\| `(CORDON_[A-Z_]+)` \|/gm)].map((m) => m[1]);

describe('the error catalogue', () => {
  it('lists in docs/errors.md exactly the codes the code defines, in the same order', () => {
    expect(documentedCodes).toEqual(Object.keys(errorCatalogue));
  });

  it('gives every code an HTTP mapping and a description', () => {
    for (const [code, description] of Object.entries(errorCatalogue)) {
      expect(httpStatusOf).toHaveProperty(code);
      expect(description.length, code).toBeGreaterThan(20);
    }
  });

  it('only uses stable CORDON_ codes', () => {
    for (const code of Object.keys(errorCatalogue)) expect(code).toMatch(/^CORDON_[A-Z][A-Z_]+$/);
  });
});
