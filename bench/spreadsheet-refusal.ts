// `node --import tsx bench/spreadsheet-refusal.ts upload|command FILE`: one import of the large workbook in a
// process of its own, so its peak memory is the import's alone. The environment names the database (DATA_DIR,
// DATABASE_URL) and the limits; the last line printed is JSON: how long it took, the peak memory, the outcome.
import { parseConfig } from '../src/config.js';
import { main, openRuntime } from '../src/main.js';

/** As the import page does: an import job, previewed in a worker thread of this process. */
async function asAnUpload(file: string): Promise<string> {
  const runtime = await openRuntime(parseConfig(process.env), { migrate: false });
  try {
    const partnership = await runtime.services.partnerships.findBySlug('northmoor');
    if (!partnership) throw new Error('The demo partnership is missing');
    const job = await runtime.services.imports.start({
      partnershipId: partnership.id,
      kind: 'grants',
      sourceName: 'grants.xlsx',
      sourcePath: file,
      options: {},
      actor: { userId: null, label: 'Benchmark' },
    });
    for (;;) {
      const status = await runtime.services.imports.status(partnership.id, job.id);
      if (status.job.status !== 'previewing') return status.job.error ?? status.job.status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await runtime.close();
  }
}

const [mode, file] = process.argv.slice(2);
if ((mode !== 'upload' && mode !== 'command') || !file) {
  process.stderr.write('Usage: node --import tsx bench/spreadsheet-refusal.ts upload|command FILE\n');
  process.exitCode = 2;
} else {
  const began = performance.now();
  // The command line prints its outcome itself, on standard error.
  const outcome =
    mode === 'upload'
      ? await asAnUpload(file)
      : `exit code ${await main(['import', 'grants', file, '--partnership', 'northmoor'])}`;
  const ms = Math.round(performance.now() - began);
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`\n${JSON.stringify({ ms, rss_mb: rssMb, outcome })}\n`);
}
