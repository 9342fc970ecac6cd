import { serviceLoads, unmetByAreaAndTheme, unmetByTheme } from '../app/matching/run-results.js';
import type { PartnershipRecord } from '../app/ports.js';
import type { Services } from '../app/services.js';
import { CommandFailed, UsageError, type CliRuntime, type Output, type ParsedArgs } from './command.js';
import { potentialProvisionText } from '../domain/needs/gap-class.js';

const commandLineActor = { userId: null, label: 'Command line' };
const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
const problems = (errors: Readonly<Record<string, string>>) => Object.values(errors).join('\n');

async function match(services: Services, partnership: PartnershipRecord, args: ParsedArgs, output: Output) {
  const themes = args.values.themes
    ? args.values.themes
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : [...new Set((await services.store.needs.listForPartnership(partnership.id)).map((n) => n.theme))];
  // Without --max-km each need takes the partnership's reach rule for its area.
  const maxKm = args.values['max-km'] === undefined ? undefined : Number(args.values['max-km']);
  const result = await services.matching.start(partnership, { themes, maxKm }, commandLineActor);
  if (!result.ok) throw new CommandFailed(problems(result.errors));
  const run = await services.matching.open(partnership, result.run.id);
  if (!run) throw new CommandFailed('The run was saved but could not be read back.');
  const rows = unmetByAreaAndTheme(run.input, run.allocation);
  const byTheme = unmetByTheme(rows, run.input);
  const loads = serviceLoads(run.input, run.allocation);
  const a = run.allocation;
  if (args.values.json) {
    output.out(
      JSON.stringify({
        run: run.summary,
        assumptions: run.input.assumptions,
        totals: {
          units: a.allocatedUnits + a.unmetUnits,
          allocated: a.allocatedUnits,
          unmet: a.unmetUnits,
          travelKm: a.travelKm,
          cost: a.cost,
          greedyCost: a.greedyCost,
          greedyUnmet: a.greedyUnmetUnits,
        },
        unmetByTheme: byTheme,
        unmetByAreaAndTheme: rows,
        loads,
      }),
    );
    return;
  }
  output.out(`Saved allocation run ${run.summary.id} for ${partnership.name}.`);
  output.out(
    `People with a need: ${whole(a.allocatedUnits + a.unmetUnits)}; placed: ${whole(a.allocatedUnits)}; unmet: ${whole(a.unmetUnits)}.`,
  );
  output.out(
    `Travel: ${whole(a.travelKm)} person-km. Cost: ${whole(a.cost)} (nearest-first baseline: ${whole(a.greedyCost)}).`,
  );
  output.out('');
  output.out('Unmet by theme:');
  for (const t of byTheme) output.out(`  ${t.themeName}: ${whole(t.unmet)} of ${whole(t.units)}`);
  output.out('');
  output.out('Busiest services (people a week placed / capacity):');
  for (const l of loads.slice(0, 5))
    output.out(`  ${l.name}: ${whole(l.load)} / ${whole(l.capacity)}${l.capacityKnown ? '' : ' (assumed)'}`);
}

async function whoCanHelp(
  services: Services,
  partnership: PartnershipRecord,
  args: ParsedArgs,
  output: Output,
) {
  const v = args.values;
  if (!v.need && !v.area && !v.postcode)
    throw new UsageError(
      'Say what to rank for: --need ID, or --area CODE --theme T, or --postcode P --theme T.',
    );
  const result = await services.matching.whoCanHelp(partnership, {
    need: v.need,
    area: v.area,
    postcode: v.postcode,
    theme: v.theme,
    age: v.age,
    language: v.language,
    maxKm: v['max-km'],
  });
  if (!result.ok) throw new CommandFailed(problems(result.errors));
  if (v.json) {
    output.out(
      JSON.stringify({
        target: result.target,
        theme: result.target.theme,
        maxKm: result.maxKm,
        ranked: result.ranking.ranked,
        leftOut: result.ranking.leftOut,
        beyondReach: result.beyondReach,
        organisations: result.organisations,
        potentialProvision: result.potentialProvision,
      }),
    );
    return;
  }
  output.out(`Who can help with ${result.target.label} (${result.themeName}, within ${result.maxKm} km):`);
  if (result.reachRule) output.out(result.reachRule);
  if (result.ranking.ranked.length === 0) {
    output.out('  No service can help within the reach. Next steps:');
    for (const b of result.beyondReach) output.out(`  - ${b.name} is ${b.distanceKm} km away.`);
    for (const o of result.organisations) output.out(`  - ${o.name} works on this theme: ${o.why}.`);
    output.out(
      '  - Record the need in the needs register, or add a service for this theme to the directory.',
    );
  }
  result.ranking.ranked.forEach((r, i) => {
    output.out(`${i + 1}. ${r.name}: ${Math.round(r.score)} points`);
    for (const reason of r.reasons)
      output.out(`     ${reason.text} (${Math.round(reason.points * 10) / 10})`);
  });
  const potential = result.potentialProvision;
  if (result.ranking.ranked.length > 0 && potential.total > 0) {
    output.out('');
    output.out(`Potential provision: ${potentialProvisionText(potential.total)} (not ranked):`);
    for (const o of potential.organisations) output.out(`  - ${o.name}: ${o.why}.`);
  }
  if (result.ranking.leftOut.length) {
    output.out('');
    output.out('Left out:');
    for (const l of result.ranking.leftOut) output.out(`  ${l.name}: ${l.text}`);
  }
}

/** match and who-can-help. Undefined when the command is not one of these. */
export async function runMatchingCommand(
  command: string,
  args: ParsedArgs,
  runtime: CliRuntime,
  output: Output,
): Promise<number | undefined> {
  if (command !== 'match' && command !== 'who-can-help') return undefined;
  const slug = args.values.partnership;
  if (!slug) throw new UsageError(`${command} needs --partnership S.`);
  const opened = await runtime.openRuntime(runtime.loadConfig());
  try {
    const partnership = await opened.services.partnerships.findBySlug(slug);
    if (!partnership) throw new CommandFailed(`There is no partnership with the short name ${slug}.`);
    if (command === 'match') await match(opened.services, partnership, args, output);
    else await whoCanHelp(opened.services, partnership, args, output);
    return 0;
  } finally {
    await opened.close();
  }
}
