import type { Command } from 'commander';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import type { ConfigFlags } from '../config/config.ts';
import type {
  PublicConsultationListSchema,
  PublicConsultationSummaryJson,
  StaffConsultationJson,
} from '../contracts/public-consultation.ts';
import type { CordonError } from '../domain/shared/errors.ts';
import { ok, type Result } from '../domain/shared/result.ts';
import type { CliContext } from './cli-context.ts';
import type { CommandContext } from './cli-program.ts';
import type { Static } from 'typebox';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../adapters/http/routes/public-consultations/json.ts')),
  ...(await import('../application/public-consultation/read-public-consultations.ts')),
  ...(await import('./public-consultation-wiring.ts')),
});

type Outcome = Promise<Result<CommandOutput, CordonError>>;
type ConsultationList = Static<typeof PublicConsultationListSchema>;

/** The work behind `cordon consultations ...`. */
export interface ConsultationsCliHandlers {
  consultationsList(flags: ConfigFlags): Outcome;
  consultationsShow(flags: ConfigFlags, id: string): Outcome;
}

/** Registers `cordon consultations list|show`. */
export function registerConsultationsCommands(
  program: Command,
  handlers: ConsultationsCliHandlers,
  context: CommandContext,
): void {
  const consultations = program
    .command('consultations')
    .description(
      'public consultations on control proposals and policy versions, as the staff read them (through a running server with CORDON_TOKEN)',
    );
  consultations
    .command('list')
    .description('every public consultation, scheduled ones too, the latest opened first')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.consultationsList(context.flags(command)),
      );
    });
  consultations
    .command('show <id>')
    .description('one consultation with every comment in full, its answer and the response')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.consultationsShow(context.flags(command), id),
      );
    });
}

const day = (instant: string) => instant.slice(0, 10);

const summaryLine = (c: PublicConsultationSummaryJson) =>
  `${c.id}  ${c.status.padEnd(9)} ${day(c.opensAt)} to ${day(c.closesAt)}  ${String(c.commentCount)} comment(s)  ${c.title}`;

const subjectText = (s: PublicConsultationSummaryJson['subject']) =>
  s.kind === 'proposal'
    ? `control proposal ${s.proposalId} v${String(s.version)} (${s.title})`
    : `policy ${s.jurisdiction} v${String(s.version)}`;

/** The consultations as an officer reads them in a terminal: one line each. */
export function consultationListText(list: ConsultationList): string {
  return list.consultations.length === 0
    ? 'No public consultations.'
    : list.consultations.map(summaryLine).join('\n');
}

/** One consultation in a terminal: the period, each comment with its answer, the response. */
export function consultationText(c: StaffConsultationJson): string {
  return [
    summaryLine(c),
    `  on ${subjectText(c.subject)}, opened by ${c.openedBy}`,
    ...c.comments.flatMap((comment) => {
      const published = [comment.publishedName, comment.publishedOrganisation].filter(
        (x) => x !== undefined,
      );
      const files = comment.attachments.map((a) => a.fileName);
      return [
        '',
        `  ${comment.id} from ${comment.commenterUsername} (${comment.commenterKind}${published.length > 0 ? `, published as ${published.join(', ')}` : ''}) on ${day(comment.submittedAt)}${files.length > 0 ? `; file(s): ${files.join(', ')}` : ''}`,
        `    ${comment.text}`,
        comment.answer === undefined
          ? '    (not answered yet)'
          : `    answered by ${comment.answer.answeredBy}: ${comment.answer.text}`,
      ];
    }),
    ...(c.response === undefined
      ? []
      : [
          '',
          `  Response of ${day(c.response.publishedAt)} (final version ${String(c.response.finalVersion)}): ${c.response.text}`,
          ...c.response.changes.map(
            (change) => `    - ${change.change} (from ${change.commentIds.join(', ')})`,
          ),
        ]),
  ].join('\n');
}

/**
 * The CLI handlers of `cordon consultations ...`: through the API of a `cordon serve` that holds
 * the data directory (with CORDON_TOKEN, under the server's access rules), else on the store.
 */
export function consultationsCliHandlers(context: CliContext): ConsultationsCliHandlers {
  const deps = async (db: DatabaseConnection['db']) => {
    const m = await modules();
    // Reading needs neither the authority's code nor the attachment limit; they are for writing.
    return m.publicConsultationDepsFor(db, {
      authority: context.env['CORDON_AUTHORITY_COUNTRY'] ?? 'GB',
      attachmentLimitBytes: 0,
    });
  };
  return {
    consultationsList: (flags) => {
      const output = (list: ConsultationList) => ({
        text: consultationListText(list),
        json: list,
      });
      return context.withReadyDatabase(
        flags,
        'consultations list',
        async (database) => {
          const m = await modules();
          const all = await m.listConsultationsForStaff(await deps(database.db));
          return ok(output({ consultations: all.map(m.consultationJson) }));
        },
        {
          readOnly: true,
          viaServer: {
            request: { method: 'GET', path: '/v1/public-consultations' },
            output: (answer) => output(answer as ConsultationList),
          },
        },
      );
    },
    consultationsShow: (flags, id) => {
      const output = (c: StaffConsultationJson) => ({ text: consultationText(c), json: c });
      return context.withReadyDatabase(
        flags,
        'consultations show',
        async (database) => {
          const m = await modules();
          const found = await m.getConsultationForStaff(await deps(database.db), id);
          if (!found.ok) return found;
          return ok(
            output({
              ...m.consultationJson(found.value),
              openedBy: found.value.consultation.openedBy.actor,
              comments: found.value.comments.map(m.staffCommentJson),
            }),
          );
        },
        {
          readOnly: true,
          viaServer: {
            request: { method: 'GET', path: `/v1/public-consultations/${encodeURIComponent(id)}` },
            output: (answer) => output(answer as StaffConsultationJson),
          },
        },
      );
    },
  };
}
