import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaRecord } from '../../app/areas/area-records.js';
import type { OpenedRun } from '../../app/matching/matching-runs.js';
import type { MatchingRunSummary } from '../../app/matching/matching-run-record.js';
import type { SavedRunInput } from '../../app/matching/matching-run-input.js';
import { describeReachRule } from '../../domain/needs/reach-rule.js';
import { unmetByWard, type UnmetRow } from '../../app/matching/run-results.js';
import { boundaryMap } from '../charts/boundary-map.js';
import { mapLegend } from '../charts/map-legend.js';

export const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
export const km = (n: number | null) =>
  n === null ? 'No place' : `${(Math.round(n * 10) / 10).toLocaleString('en-GB')} km`;
export const percent = (part: number, of: number) => (of > 0 ? `${Math.round((part / of) * 100)}%` : '–');

/** Shades of unmet need: the share of a ward's need that no service could take. Each is named in the legend. */
const unmetBands = [
  { upTo: 0, fill: '#e8f1f8', label: 'All need met' },
  { upTo: 0.25, fill: '#fcd9b6', label: 'Up to a quarter unmet' },
  { upTo: 0.5, fill: '#f9a65a', label: 'Up to half unmet' },
  { upTo: 0.75, fill: '#e0701f', label: 'Up to three quarters unmet' },
  { upTo: 1, fill: '#a33a00', label: 'More than three quarters unmet' },
] as const;
const noNeedFill = '#f3f2f1';

export function unmetFill(units: number, unmet: number): string {
  if (units <= 0) return noNeedFill;
  const share = unmet / units;
  return (unmetBands.find((b) => share <= b.upTo) ?? unmetBands[4]).fill;
}

const geometry = (boundary: string | null): Polygon | MultiPolygon | null =>
  boundary ? (JSON.parse(boundary) as Polygon | MultiPolygon) : null;

/** The run's unmet need by ward on an SVG map, with its legend; empty when there are no boundaries. */
export function unmetMap(
  id: string,
  run: OpenedRun,
  rows: readonly UnmetRow[],
  geography: { authority: AreaRecord | undefined; wards: readonly AreaRecord[] },
): { svg: string; legend: string } {
  const byWard = unmetByWard(rows);
  const parts = geography.wards.flatMap((ward) => {
    const boundary = geometry(ward.boundary);
    const figures = byWard.get(ward.code) ?? { units: 0, unmet: 0 };
    return boundary
      ? [
          {
            name: `${ward.name}: ${whole(figures.unmet)} of ${whole(figures.units)} people unmet`,
            boundary,
            fill: unmetFill(figures.units, figures.unmet),
          },
        ]
      : [];
  });
  const markers = run.input.allocation.services
    .filter((s) => s.open)
    .flatMap((s) =>
      (run.input.serviceDetails[s.id]?.publicPoints ?? []).map((p) => ({ ...p, name: s.name })),
    );
  const svg = parts.length
    ? boundaryMap({
        id,
        title: 'Unmet need by ward',
        description: `${parts.length} wards shaded by the share of their recorded need that no service could take, with ${markers.length} service places as dots. The table below gives every figure.`,
        outline: geometry(geography.authority?.boundary ?? null),
        parts,
        markers,
      })
    : '';
  const legend = mapLegend(
    'Key: share of need unmet',
    [
      ...unmetBands.map((b) => ({ fill: b.fill, label: b.label })),
      { fill: noNeedFill, label: 'No need recorded' },
    ],
    [
      `Dots: ${markers.length} places of the run’s open services`,
      'Need recorded for the whole authority is in the table only',
    ],
  );
  return { svg, legend };
}

/** How far the people in a run were asked to travel: the reach rule it used, or the one distance asked for. */
export function runReachText(input: SavedRunInput): string {
  return input.reachRule
    ? describeReachRule(input.reachRule)
    : `Up to ${km(input.maxKm)} for everyone, the distance asked for when the run was started. A service that covers a person’s area counts at any distance.`;
}

/** The words for the assumptions a run made, one line each; empty when it made none. */
export function assumptionLines(run: OpenedRun): string[] {
  const a = run.input.assumptions;
  return [
    ...(a.needsWithoutPeople
      ? [
          `${a.needsWithoutPeople} needs records give no number of people, so each counts as ${a.peoplePerSeverity} people per step of severity (a “High” need, severity 3, counts as ${a.peoplePerSeverity * 3} people).`,
        ]
      : []),
    ...(a.servicesWithoutCapacity
      ? [
          `${a.servicesWithoutCapacity} services give no capacity, so each is assumed to help ${a.capacityPerWeek} people a week.`,
        ]
      : []),
    ...(a.unplacedNeeds
      ? [
          `${a.unplacedNeeds} needs records are for areas with no boundary or point loaded, so they are left out.`,
        ]
      : []),
  ];
}

/** A saved run as a line in the list of runs. */
export function runListRow(slug: string, run: MatchingRunSummary, themeName: (id: string) => string) {
  return {
    href: `/p/${slug}/matching/runs/${run.id}`,
    createdAt: run.createdAt,
    createdBy: run.createdByName ?? 'Not recorded',
    themes: run.themes.length > 3 ? `${run.themes.length} themes` : run.themes.map(themeName).join(', '),
    maxKm: km(run.maxKm),
    units: whole(run.needUnits),
    unmet: `${whole(run.unmetUnits)} (${percent(run.unmetUnits, run.needUnits)})`,
  };
}
