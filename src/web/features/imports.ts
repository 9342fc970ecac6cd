import { csvText } from '../../domain/shared/csv-text.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';
import { guardCell } from '../view-models/spreadsheet-cell.js';
import {
  acceptUploads,
  discardUpload,
  keepUpload,
  type RefusedFile,
  type UploadedFile,
} from './import-uploads.js';
import { jobView, kindItems, optionField, outcomeTags, percentOf, statusLabels } from './import-view.js';
import { accessOf, actorOf } from './members.js';

/** How often uploads no longer needed are looked for while the server runs (and once when it starts). */
const CLEAN_UP_EVERY_MS = 10 * 60_000;

/** A partnership's own data, or national reference data: where the pages live and who may use them. */
interface Scope {
  readonly name: 'partnership' | 'national';
  readonly access: { partnership: 'import-data' } | 'national-admin';
  /** The base path for this request, such as /p/northmoor/imports. */
  base(request: FastifyRequest): string;
  partnershipId(request: FastifyRequest): string | null;
}

const scopes: readonly (Scope & { pattern: string })[] = [
  {
    name: 'partnership',
    pattern: '/p/:slug/imports',
    access: { partnership: 'import-data' },
    base: (request) => `/p/${accessOf(request).partnership.slug}/imports`,
    partnershipId: (request) => accessOf(request).partnership.id,
  },
  {
    name: 'national',
    pattern: '/national/imports',
    access: 'national-admin',
    base: () => '/national/imports',
    partnershipId: () => null,
  },
];

/** Uploads for import: preview with every problem row, then import on confirmation, in the background. */
export function registerImports(app: FastifyInstance, services: Services, uploadDir: string): void {
  const maxBytes = services.imports.uploadSettings.maxBytes;
  const maxMegabytes = Math.floor(maxBytes / 1024 / 1024);
  cleanUpWhileRunning(app, services);
  for (const scope of scopes) {
    const config = { access: scope.access } as const;
    const kinds = () => services.imports.kinds(scope.name);

    const showForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: Record<string, string>,
      errors?: ReturnType<typeof formErrors>,
      status = 400,
    ) => {
      const base = scope.base(request);
      const jobs = await services.imports.list(scope.partnershipId(request));
      return reply.page(
        'imports/index.njk',
        {
          title: scope.name === 'national' ? 'Import reference data' : 'Import data',
          scope: scope.name,
          action: base,
          kinds: kindItems(kinds(), values),
          jobs: jobs.map((job) => ({
            ...job,
            href: `${base}/${job.id}`,
            statusTag: statusLabels[job.status],
          })),
          maxMegabytes,
          retentionHours: services.imports.uploadSettings.retentionHours,
          errors,
        },
        errors ? status : 200,
      );
    };

    app.get(scope.pattern, { config }, (request, reply) => showForm(request, reply, {}));

    // Multipart bodies are accepted on this one route only.
    app.register(async (uploads) => {
      await acceptUploads(uploads, uploadDir, maxBytes);
      uploads.post(scope.pattern, { config }, async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const values: Record<string, string> = {};
        for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
        const file = body.file as UploadedFile | RefusedFile | undefined;
        const kind = kinds().find((entry) => entry.kind === text(body, 'kind'));
        const problems: Record<string, string> = {};
        if (!kind) problems.kind = 'Select what you are importing';
        if (!file) problems.file = 'Select a file to upload';
        else if ('tooLarge' in file) problems.file = `The file must be smaller than ${maxMegabytes} MB`;
        else if (file.bytes === 0) problems.file = 'The selected file is empty';
        if (Object.keys(problems).length > 0 || !kind || !file || 'tooLarge' in file) {
          await discardUpload(request);
          const status = file && 'tooLarge' in file ? 413 : 400;
          return showForm(request, reply, values, formErrors(problems), status);
        }
        const options = Object.fromEntries(
          (kind.options ?? []).map((option) => [
            option.name,
            text(body, optionField(kind.kind, option.name)),
          ]),
        );
        try {
          const job = await services.imports.start({
            partnershipId: scope.partnershipId(request),
            kind: kind.kind,
            sourceName: file.filename,
            sourcePath: file.uploadedPath,
            options,
            actor: actorOf(request),
          });
          keepUpload(request);
          return reply.redirect(`${scope.base(request)}/${job.id}`, 303);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          await discardUpload(request);
          const fields = Object.fromEntries(
            Object.entries(error.fields).map(([key, message]) => [
              key === 'kind' || key === 'file' ? key : optionField(kind.kind, key),
              message,
            ]),
          );
          return showForm(request, reply, values, formErrors(fields));
        }
      });
    });

    const load = async (request: FastifyRequest) => {
      const { jobId } = request.params as { jobId: string };
      return services.imports.find(scope.partnershipId(request), jobId);
    };

    app.get(`${scope.pattern}/:jobId`, { config }, async (request, reply) => {
      const base = scope.base(request);
      const job = jobView(await load(request), base);
      return reply.page('imports/job.njk', {
        title: `${job.statusTag?.text ?? 'Import'}: ${job.sourceName}`,
        job,
        kind: kinds().find((entry) => entry.kind === job.kind),
        backLink: { href: base, text: 'Imports' },
      });
    });

    app.get(`${scope.pattern}/:jobId/status.json`, { config }, async (request, reply) => {
      // Asked every second or so while a job runs: the report, which can list 100,000 problems, is not read.
      const { jobId } = request.params as { jobId: string };
      const view = await services.imports.status(scope.partnershipId(request), jobId);
      return reply
        .header('cache-control', 'no-store')
        .send({ status: view.job.status, done: view.done, total: view.total, percent: percentOf(view) });
    });

    app.get(`${scope.pattern}/:jobId/problems.csv`, { config }, async (request, reply) => {
      const view = await load(request);
      const rows = [
        ['Line', 'Field', 'Problem', 'Row'],
        ...(view.report?.problems ?? []).map((p) => [
          String(p.row),
          guardCell(p.field),
          guardCell(p.reason),
          outcomeTags[p.outcome]?.text ?? '',
        ]),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-problems-${view.job.kind}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(csvText(rows, { bom: true }));
    });

    app.post(`${scope.pattern}/:jobId/confirm`, { config }, async (request, reply) => {
      const { jobId } = request.params as { jobId: string };
      try {
        await services.imports.confirm(scope.partnershipId(request), jobId, actorOf(request));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
      }
      return reply.redirect(`${scope.base(request)}/${jobId}`, 303);
    });

    app.post(`${scope.pattern}/:jobId/cancel`, { config }, async (request, reply) => {
      const { jobId } = request.params as { jobId: string };
      await services.imports.cancel(scope.partnershipId(request), jobId);
      return reply.redirect(`${scope.base(request)}/${jobId}`, 303);
    });
  }
}

/** Removes uploads no longer needed once the server is ready, then every few minutes until it closes. */
function cleanUpWhileRunning(app: FastifyInstance, services: Services): void {
  let timer: NodeJS.Timeout | undefined;
  const cleanUp = () => {
    services.imports
      .cleanUpUploads()
      .catch((error: unknown) => app.log.error({ err: error }, 'removing old uploads failed'));
  };
  // Where instances share the database, one that stopped without a restart leaves jobs for the others to fail.
  const failStopped = () => {
    if (!services.imports.sharedWithInstances) return;
    services.imports
      .failInterrupted()
      .catch((error: unknown) => app.log.error({ err: error }, 'failing stopped imports failed'));
  };
  app.addHook('onReady', async () => {
    cleanUp();
    timer = setInterval(() => {
      failStopped();
      cleanUp();
    }, CLEAN_UP_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
