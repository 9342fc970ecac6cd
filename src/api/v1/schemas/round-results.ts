import { z } from 'zod';
import { list, side, slugParam, uuid } from './common.js';

const median = z.number().nullable();

const indicatorFigures = z
  .object({
    indicatorCode: z.string(),
    answered: z.int(),
    dontKnow: z.int(),
    notApplicable: z.int(),
    dontKnowRate: z.number().nullable(),
    median,
    spread: z
      .object({
        min: z.number(),
        max: z.number(),
        lowerQuartile: z.number(),
        upperQuartile: z.number(),
        interquartileRange: z.number(),
      })
      .nullable(),
  })
  .meta({ id: 'IndicatorFigures' });

const principleFigures = z
  .object({
    principleCode: z.string(),
    median,
    indicatorsWithMedian: z.int(),
    indicatorCount: z.int(),
  })
  .meta({ id: 'PrincipleFigures' });

const groupResult = z.discriminatedUnion('status', [
  z
    .object({
      groupId: uuid,
      groupName: z.string(),
      side,
      status: z.literal('below-threshold'),
      respondents: z.int(),
      needed: z.int(),
    })
    .describe('A group below the anonymity threshold: how many more responses it needs, and nothing else'),
  z.object({
    groupId: uuid,
    groupName: z.string(),
    side,
    status: z.literal('meets-threshold'),
    respondents: z.int(),
    indicators: list(indicatorFigures),
    principles: list(principleFigures),
  }),
]);

const sideResult = z
  .discriminatedUnion('status', [
    z.object({ side, status: z.literal('no-data') }),
    z
      .object({
        side,
        status: z.literal('has-data'),
        groupIds: list(uuid),
        respondents: z.int(),
        indicators: list(
          indicatorFigures.extend({
            comments: list(z.string()).describe('The side’s comments, alphabetical and unattributed'),
          }),
        ),
        principles: list(principleFigures),
      })
      .describe('Pooled from the side’s groups that meet the threshold, and only those'),
  ])
  .meta({ id: 'SideResult' });

const rankedIndicator = z
  .object({
    indicatorCode: z.string(),
    principleCode: z.string(),
    councilMedian: median,
    communityMedian: median,
    lowestMedian: z.number(),
    gap: z.number(),
  })
  .meta({ id: 'RankedIndicator' });

const roundResults = z
  .object({
    threshold: z.int(),
    principles: list(
      z.object({
        principleCode: z.string(),
        name: z.string(),
        indicatorCodes: list(z.string()),
        councilMedian: median,
        communityMedian: median,
      }),
    ),
    indicators: list(
      z.object({
        indicatorCode: z.string(),
        principleCode: z.string(),
        councilMedian: median,
        communityMedian: median,
        difference: z.number().nullable().describe('Community median minus council median'),
        perceptionGap: z.boolean().describe('Whether the sides differ by 1 level or more'),
      }),
    ),
    groups: list(groupResult),
    sides: z.object({ council: sideResult, community: sideResult }),
    gaps: list(
      z.object({
        indicatorCode: z.string(),
        principleCode: z.string(),
        councilMedian: z.number(),
        communityMedian: z.number(),
        difference: z.number(),
      }),
    ).describe('Perception gaps, biggest first'),
    strengths: list(rankedIndicator),
    priorities: list(rankedIndicator),
  })
  .meta({
    id: 'RoundResults',
    description:
      'Aggregated results. Medians are multiples of 0.5 (principle medians of 0.25); absent figures are null. There are no individual answers, and a group below the anonymity threshold has no figures at all.',
  });

const indicatorTrend = z
  .object({
    indicatorCode: z.string(),
    principleCode: z.string(),
    previousMedian: z.number(),
    currentMedian: z.number(),
    change: z.number().describe('Current minus previous: positive is an improvement'),
  })
  .meta({ id: 'IndicatorTrend' });

const roundTrends = z
  .object({
    previousRound: z.object({ id: uuid, name: z.string() }),
    sharedIndicatorCodes: list(z.string()),
    council: list(indicatorTrend),
    community: list(indicatorTrend),
  })
  .meta({ id: 'RoundTrends' });

export const roundResultsResponse = z
  .object({
    round: z.object({
      id: uuid,
      name: z.string(),
      kind: z.enum(['quick', 'full']),
      status: z.enum(['scheduled', 'open', 'closed']),
      threshold: z
        .int()
        .min(3)
        .describe('The anonymity threshold: a group needs this many submitted responses to have figures'),
      frameworkVersion: z.string(),
    }),
    results: roundResults,
    trends: roundTrends
      .nullable()
      .describe(
        'Changes since the partnership’s previous round on the indicators both rounds share, or null when there is no previous round',
      ),
  })
  .meta({ id: 'RoundResultsResponse' });

export const roundResultsParams = z.object({
  slug: slugParam,
  roundId: uuid,
});
