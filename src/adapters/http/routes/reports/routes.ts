import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { CaseDeps } from '../../../../application/cases/case-deps.ts';
import { getTransparencyReport } from '../../../../application/cases/get-transparency-report.ts';
import type { ControlCatalogueSource } from '../../../../application/ports/control-catalogue-source.ts';
import { csvLine } from '../../../../contracts/csv.ts';
import {
  TransparencyReportQuerySchema,
  TransparencyReportSchema,
} from '../../../../contracts/transparency-report.ts';
import {
  transparencyReportRows,
  type TransparencyReport,
} from '../../../../domain/licensing/transparency-report.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import { errorResponses } from '../../error-responses.ts';
import { sendError } from '../../errors.ts';

/** How the authority's transparency report is labelled and printed. */
export interface TransparencyReportSettings {
  /** The authority's jurisdiction code (CORDON_AUTHORITY_COUNTRY). */
  readonly authority: string;
  renderPdf(report: TransparencyReport): Promise<Uint8Array>;
}

/** `/v1/reports/transparency`: the annual transparency report as JSON, CSV or PDF. */
export const reportRoutes: FastifyPluginAsyncTypebox<{
  readonly cases: CaseDeps;
  readonly catalogue: ControlCatalogueSource;
  readonly reports: TransparencyReportSettings;
}> = (app, { cases, catalogue, reports }) => {
  app.get(
    '/reports/transparency',
    {
      config: {
        access: { roles: ['caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'] },
      },
      schema: {
        tags: ['cases'],
        summary: "The authority's annual transparency report (JSON, CSV or PDF)",
        description:
          'Licences and refusals by destination and control entry, and a section on cyber-surveillance items (applications received per entry and destination, decisions on them): the shape of the EU annual report under Regulation (EU) 2021/821 Art. 26(2), paraphrased. Counts are of decisions countersigned in the year (UTC). For the staff, who publish it.',
        querystring: TransparencyReportQuerySchema,
        response: {
          200: Type.Union([
            TransparencyReportSchema,
            Type.String({ description: 'CSV' }),
            Type.Unknown({ description: 'PDF' }),
          ]),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const report = await getTransparencyReport(
        { ...cases, catalogue, authority: reports.authority },
        principalOf(request),
        request.query.year,
      );
      if (!report.ok) return sendError(reply, report.error);
      const name = `transparency-report-${reports.authority}-${String(request.query.year)}`;
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(transparencyReportRows(report.value).map(csvLine).join('\r\n'));
      }
      if (request.query.format === 'pdf') {
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(Buffer.from(await reports.renderPdf(report.value)));
      }
      const r = report.value;
      return {
        ...r,
        byDestination: [...r.byDestination],
        byDestinationAndEntry: [...r.byDestinationAndEntry],
        cyberSurveillance: {
          entries: [...r.cyberSurveillance.entries],
          rows: [...r.cyberSurveillance.rows],
        },
      };
    },
  );
  return Promise.resolve();
};
