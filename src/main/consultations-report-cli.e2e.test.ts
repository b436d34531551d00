import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProposedEntry } from '../../test/factories/proposed-entry.ts';
import { copyDataDirTemplate } from '../../test/support/data-dir.ts';
import { openDatabase } from '../adapters/db/open-database.ts';
import { kyselyProposalStore } from '../adapters/proposals/kysely-proposal-store.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import type { CliIo } from '../adapters/cli/output.ts';
import { openPublicConsultation } from '../application/public-consultation/open-public-consultation.ts';
import { submitPublicConsultationComment } from '../application/public-consultation/submit-public-consultation-comment.ts';
import type { CatalogueDryRunJson } from '../contracts/proposals.ts';
import type { StaffConsultationJson } from '../contracts/public-consultation.ts';
import type { Principal } from '../domain/people/people.ts';
import { cliHandlers } from './cli.ts';
import { runProgram } from './cli-program.ts';
import { sha256Text } from './people-wiring.ts';
import { publicConsultationDepsFor } from './public-consultation-wiring.ts';

// `cordon proposals dry-run --catalogue`, `cordon consultations` and `cordon report` run in this
// process on a data directory (no child process: the commands are the same code either way).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-consultations-cli-'));
const dataDir = path.join(work, 'data');
const env = {
  CORDON_DATA_DIR: dataDir,
  CORDON_AUTHORITY_ID: 'NL-ILT',
  CORDON_AUTHORITY_COUNTRY: 'NL',
  LOG_LEVEL: 'silent',
};

async function cordon(...argv: string[]) {
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => errors.push(t), isTty: false };
  const code = await runProgram(argv, 'test', cliHandlers(env, work, 'test', io), io);
  return { code, stdout: out.join(''), stderr: errors.join('') };
}

const write = (name: string, content: string) => {
  fs.writeFileSync(path.join(work, name), content);
  return path.join(work, name);
};

const officer: Principal = {
  userId: 'u-cw',
  username: 'cw',
  organisationId: 'org-nl',
  organisationKind: 'licensing-authority',
  roles: ['caseworker'],
  via: 'test',
};
const industry: Principal = {
  userId: 'u-industry',
  username: 'vision-industry',
  organisationId: 'org-industry',
  organisationKind: 'industry',
  roles: ['commenter'],
  via: 'test',
};

let proposalId = '';

beforeAll(async () => {
  copyDataDirTemplate(dataDir);
  // Drafting asks for the node's identity: the exchange key it will sign with.
  const keygen = await cordon('exchange', 'keygen');
  expect(keygen.code, keygen.stderr).toBe(0);
  const drafted = await cordon(
    'proposals',
    'draft',
    write(
      'proposal.json',
      JSON.stringify({
        title: 'Facial recognition systems for mass surveillance',
        entry: buildProposedEntry({ title: 'Facial recognition for crowd scanning' }),
        rationale: 'Used to identify protesters.',
        evidence: [],
        reasonsForControl: ['HR'],
      }),
    ),
    '--json',
  );
  expect(drafted.code, drafted.stderr).toBe(0);
  proposalId = (JSON.parse(drafted.stdout) as { id: string }).id;
}, 120_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('cordon proposals dry-run --catalogue', () => {
  it('tests the items of a CSV catalogue against the proposed entry, one answer per item', async () => {
    const file = write(
      'items.csv',
      [
        'ref,description,capabilities,answers',
        'FR-200,Facial recognition system for crowd scanning in stadiums,,',
        'ARM-1,Industrial robot arm,none,',
        'LOCK-3,Facial recognition door lock for a private house,,facial-recognition-mass-surveillance=no',
        'X-1,Camera,mind-reading,',
      ].join('\n'),
    );
    const ran = await cordon('proposals', 'dry-run', proposalId, '--catalogue', file, '--json');
    expect(ran.code, ran.stderr).toBe(0);
    const run = JSON.parse(ran.stdout) as CatalogueDryRunJson;
    expect(run.items.map((i) => [i.ref, i.capture])).toEqual([
      ['FR-200', 'captured'],
      ['ARM-1', 'not-captured'],
      ['LOCK-3', 'not-captured'],
      ['X-1', 'unclassifiable'],
    ]);
    const text = await cordon('proposals', 'dry-run', proposalId, '--catalogue', file);
    expect(text.stdout).toMatch(
      /4 items, 1 captured, 0 possibly, 2 not captured, 1 unclassifiable/,
    );
    expect(text.stdout).toMatch(/X-1\s+unclassifiable\s+.*mind-reading/);
  });

  it('takes a JSON array of items as an application lists them', async () => {
    const file = write(
      'items.json',
      JSON.stringify([
        {
          ref: 'FR-200',
          description: 'Facial recognition system for crowd scanning',
          quantity: 2,
        },
      ]),
    );
    const ran = await cordon('proposals', 'dry-run', proposalId, '--catalogue', file, '--json');
    expect(ran.code, ran.stderr).toBe(0);
    expect((JSON.parse(ran.stdout) as CatalogueDryRunJson).counts.captured).toBe(1);
  });

  it('refuses a catalogue with bad rows, naming each line, and tests nothing', async () => {
    const csv = write(
      'bad.csv',
      [
        'ref,description,answers',
        'FR-200,Facial recognition system,',
        'EMPTY-1,,',
        'ANS-1,Camera,facial-recognition-mass-surveillance',
        'SHORT-1',
      ].join('\n'),
    );
    const refused = await cordon('proposals', 'dry-run', proposalId, '--catalogue', csv);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.csv has 3 problems; nothing was tested/);
    expect(refused.stderr).toMatch(/line 3: description is empty/);
    expect(refused.stderr).toMatch(
      /line 4: answers "facial-recognition-mass-surveillance" is not fact=answer/,
    );
    expect(refused.stderr).toMatch(/line 5 has 1 cells; the header has 3/);
    const header = write('header.csv', 'ref,name\nA,B\n');
    const wrongColumn = await cordon('proposals', 'dry-run', proposalId, '--catalogue', header);
    expect(wrongColumn.stderr).toMatch(/"name" is not a column of a catalogue/);
    const json = write('bad.json', JSON.stringify([{ description: 'x', capabilites: ['none'] }]));
    const typo = await cordon('proposals', 'dry-run', proposalId, '--catalogue', json);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/items\[0\]/);
  });
});

describe('cordon consultations', () => {
  let consultationId = '';

  beforeAll(async () => {
    const opened = await openDatabase({ engine: 'embedded', dataDir }, { command: 'test' });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      const deps = publicConsultationDepsFor(opened.value.db, {
        authority: 'NL',
        attachmentLimitBytes: 1024 * 1024,
        proposals: kyselyProposalStore(opened.value.db, systemClock, sha256Text),
      });
      const now = Date.now();
      const consultation = await openPublicConsultation(deps, officer, {
        title: 'Controlling facial recognition for mass surveillance',
        summary: 'Views sought from industry, academia and civil society.',
        subject: { kind: 'proposal', proposalId },
        opensAt: new Date(now),
        closesAt: new Date(now + 30 * 86_400_000),
      });
      if (!consultation.ok) throw new Error(consultation.error.message);
      consultationId = consultation.value.id;
      const comment = await submitPublicConsultationComment(deps, industry, consultationId, {
        text: 'Please exclude one-to-one verification at access gates.',
        publishedOrganisation: 'Dutch Security Industry Association',
        files: [],
      });
      if (!comment.ok) throw new Error(comment.error.message);
    } finally {
      await opened.value.close();
    }
  }, 60_000);

  it('lists the consultations, one line each', async () => {
    const listed = await cordon('consultations', 'list');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`${consultationId}\\s+open .* 1 comment\\(s\\)\\s+Controlling facial recognition`),
    );
  });

  it('shows one with its comments in full, as the staff read it', async () => {
    const shown = await cordon('consultations', 'show', consultationId, '--json');
    expect(shown.code, shown.stderr).toBe(0);
    const json = JSON.parse(shown.stdout) as StaffConsultationJson;
    expect(json).toMatchObject({
      id: consultationId,
      status: 'open',
      subject: { kind: 'proposal', proposalId },
      comments: [{ commenterUsername: 'vision-industry', commenterKind: 'industry' }],
    });
    const text = await cordon('consultations', 'show', consultationId);
    expect(text.stdout).toMatch(/from vision-industry \(industry, published as Dutch Security/);
    expect(text.stdout).toMatch(/\(not answered yet\)/);
  });

  it('says which consultation does not exist', async () => {
    const missing = await cordon('consultations', 'show', 'pc-nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/pc-nope/);
  });
});

describe('cordon report transparency', () => {
  it('prints a summary, and writes the report as CSV and PDF', async () => {
    const summary = await cordon('report', 'transparency', '--year', '2026');
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toMatch(/^Transparency report NL 2026: 0 decision\(s\)/);
    const json = await cordon('report', 'transparency', '--year', '2026', '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ authority: 'NL', year: 2026 });
    const csv = await cordon(
      'report',
      'transparency',
      '--year',
      '2026',
      '--format',
      'csv',
      '--out',
      'r.csv',
    );
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/Wrote the transparency report NL 2026 \(CSV/);
    expect(fs.readFileSync(path.join(work, 'r.csv'), 'utf8').split('\r\n')[0]).toMatch(/^section,/);
    const pdf = await cordon(
      'report',
      'transparency',
      '--year',
      '2026',
      '--format',
      'pdf',
      '--out',
      'r.pdf',
    );
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(fs.readFileSync(path.join(work, 'r.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exits 2 on a year that is not one, an unknown format, or a PDF without a file', async () => {
    for (const argv of [
      ['--year', '26'],
      ['--year', '2026', '--format', 'xlsx'],
      ['--year', '2026', '--format', 'pdf'],
    ]) {
      const refused = await cordon('report', 'transparency', ...argv);
      expect(refused.code, argv.join(' ')).toBe(2);
    }
  });
});
