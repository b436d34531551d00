#!/usr/bin/env node
// Writes the generated, committed artefacts (docs/openapi.json, docs/errors.md), or with --check
// fails when the committed copies differ from what the code generates.
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(import.meta.dirname, '..');
const { generatedArtifacts } = await import('../src/main/generated-artifacts.ts');
const check = process.argv.includes('--check');
const drifted = [];
for (const [file, content] of Object.entries(await generatedArtifacts())) {
  const target = path.join(root, file);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (current === content) continue;
  if (check) {
    drifted.push(file);
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    console.log(`wrote ${file}`);
  }
}
if (drifted.length > 0) {
  console.error(
    `Generated files are out of date: ${drifted.join(', ')}. Run \`npm run generate\` and commit.`,
  );
  process.exit(1);
}
