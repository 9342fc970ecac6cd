import { z } from 'zod';
import { list, slugParam, uuid } from './common.js';

const rankReason = z
  .object({
    factor: z.enum([
      'theme',
      'eligibility',
      'language',
      'coverage',
      'distance',
      'hours',
      'capacity',
      'checked',
      'access',
    ]),
    points: z.number(),
    text: z.string(),
  })
  .meta({ id: 'RankReason' });

export const whoCanHelpResponse = z
  .object({
    theme: z.string(),
    about: z.string().describe('The need in words'),
    areaCode: z.string(),
    maxKm: z.number(),
    reachRule: z
      .string()
      .nullable()
      .describe('The reach rule in words when it set maxKm; null when maxKm was asked for'),
    ranked: list(
      z.object({
        serviceId: z.string(),
        name: z.string(),
        score: z.number().describe('0 to 100, the sum of the reasons’ points'),
        distanceKm: z.number().nullable(),
        reach: z.enum(['nearby', 'covers the area']),
        reasons: list(rankReason),
      }),
    ).describe('Best first'),
    leftOut: list(
      z.object({
        serviceId: z.string(),
        name: z.string(),
        reason: z.enum(['closed', 'different theme', 'age', 'language', 'out of range']),
        text: z.string(),
        distanceKm: z.number().optional().describe('For a service out of range: to its nearest place'),
      }),
    ),
    beyondReach: list(z.object({ serviceId: z.string(), name: z.string(), distanceKm: z.number() })).describe(
      'When no service can help: the nearest services beyond the reach, nearest first',
    ),
    organisations: list(z.object({ id: z.string(), name: z.string(), why: z.string() })).describe(
      'When no service can help: organisations whose work matches the theme, and why',
    ),
  })
  .meta({ id: 'WhoCanHelpResponse' });

const queryText = (description: string) => z.string().optional().describe(description);

/**
 * Every parameter is checked as text here; the matching use-case reads and checks the values and answers a bad
 * one with its own message. `type` documents what the text must hold.
 */
export const whoCanHelpQuery = z.object({
  need: queryText('A needs record id'),
  area: queryText('An area code (LSOA, ward or the authority)'),
  postcode: queryText('A postcode in the partnership'),
  theme: queryText('A theme id (not needed with need)'),
  age: queryText('The person’s age in years').meta({ type: 'integer' }),
  language: queryText('A language the person speaks'),
  access: queryText('The person’s access needs'),
  maxKm: queryText(
    'Furthest the person can travel (default: the partnership’s reach rule for the area)',
  ).meta({ type: 'number' }),
});

export const matchingRunRequest = z
  .object({
    themes: z.array(z.string()).optional().describe('Default: every theme with needs'),
    maxKm: z
      .number()
      .optional()
      .describe(
        'Everyone travels at most this far; by default each need takes the partnership’s reach rule for its area',
      )
      // The use-case checks the range and answers with its own message.
      .meta({ minimum: 0.1, maximum: 100 }),
  })
  // No body (or null) asks for every theme with needs.
  .nullable();

const matchingRunSummary = z
  .object({
    id: uuid,
    partnershipId: uuid,
    themes: list(z.string()),
    maxKm: z.number(),
    needUnits: z.int().describe('People with a need (one person with one need each)'),
    metUnits: z.int(),
    unmetUnits: z.int(),
    serviceCount: z.int(),
    totalCost: z.number(),
    greedyCost: z.number().nullable(),
    createdBy: uuid.nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'MatchingRunSummary' });

export const matchingRunCreated = z.object({ run: matchingRunSummary }).meta({ id: 'MatchingRunCreated' });

const themeFigures = { units: z.number(), allocated: z.number(), unmet: z.number() };

export const matchingRun = z
  .object({
    run: matchingRunSummary,
    assumptions: z
      .object({
        needsWithoutPeople: z.int(),
        peoplePerSeverity: z.number(),
        servicesWithoutCapacity: z.int(),
        capacityPerWeek: z.number(),
        unplacedNeeds: z.int(),
      })
      .describe('Defaults used where records were silent'),
    totals: z.object({
      ...themeFigures,
      travelKm: z.number(),
      cost: z.number(),
      greedyCost: z.number(),
      greedyUnmet: z.number(),
      unmetPenalty: z.number(),
    }),
    unmetByTheme: list(z.object({ theme: z.string(), themeName: z.string(), ...themeFigures })),
    unmetByAreaAndTheme: list(
      z.object({
        areaCode: z.string(),
        areaName: z.string(),
        level: z.enum(['authority', 'ward', 'lsoa']),
        wardCode: z.string().nullable(),
        theme: z.string(),
        themeName: z.string(),
        ...themeFigures,
      }),
    ),
    loads: list(
      z.object({
        serviceId: z.string(),
        name: z.string(),
        organisationName: z.string().nullable(),
        open: z.boolean(),
        capacity: z.number(),
        capacityKnown: z.boolean(),
        load: z.number(),
        share: z.number().nullable().describe('Load over capacity, 0 to 1; null when the capacity is 0'),
      }),
    ).describe('Each service’s load against its capacity'),
  })
  .meta({ id: 'MatchingRun' });

export const partnershipParams = z.object({ slug: slugParam });
export const runParams = z.object({ slug: slugParam, runId: uuid });
