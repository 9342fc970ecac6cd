import { describe, expect, it } from 'vitest';
import type { Rating, Side } from './rating.js';
import type { GroupInput, PrincipleInput, ResponseInput, RoundInput } from './round-input.js';
import { computeRoundResults, type RoundResults } from './round-results.js';
import { seededRandom } from '../shared/seeded-random.js';

const prng = (seed: number) => {
  const random = seededRandom(seed);
  return { next: random.next, int: random.integer };
};

type Random = ReturnType<typeof prng>;
const words = ['slow', 'Good', 'funding', 'forum', 'Trust', 'late', 'ok'];

function randomRating(random: Random): Rating {
  const roll = random.next();
  if (roll < 0.15) return { kind: 'dont-know' };
  if (roll < 0.25) return { kind: 'not-applicable' };
  return { kind: 'level', level: random.int(1, 4) as 1 | 2 | 3 | 4 };
}

function randomResponse(random: Random, groupId: string, codes: readonly string[]): ResponseInput {
  const ratings: Record<string, Rating> = {};
  const comments: Record<string, string> = {};
  for (const code of codes) {
    if (random.next() < 0.9) ratings[code] = randomRating(random); // sometimes skipped
    if (random.next() < 0.3) comments[code] = `${words[random.int(0, words.length - 1)]} ${random.int(1, 9)}`;
  }
  return { groupId, ratings, comments };
}

interface Case {
  input: RoundInput;
  belowId: string;
  belowResponses: ResponseInput[];
}

/** A random round with one extra group kept below the threshold, and that group's responses apart. */
function randomCase(seed: number): Case {
  const random = prng(seed);
  const principles: PrincipleInput[] = Array.from({ length: random.int(1, 4) }, (_, p) => ({
    code: `P${p}`,
    name: `Principle ${p}`,
    indicatorCodes: Array.from({ length: random.int(1, 6) }, (_, i) => `P${p}I${i}`),
  }));
  const codes = principles.flatMap((principle) => principle.indicatorCodes);
  const threshold = random.int(3, 6);
  const sides: Side[] = ['council', 'community'];
  const groups: GroupInput[] = Array.from({ length: random.int(1, 5) }, (_, g) => ({
    id: `g${g}`,
    name: `Group ${g}`,
    side: sides[random.int(0, 1)] as Side,
  }));
  const belowId = 'below';
  groups.splice(random.int(0, groups.length), 0, {
    id: belowId,
    name: 'Below',
    side: sides[random.int(0, 1)] as Side,
  });
  const responses: ResponseInput[] = groups
    .filter((group) => group.id !== belowId)
    .flatMap((group) =>
      Array.from({ length: random.int(0, 9) }, () => randomResponse(random, group.id, codes)),
    );
  const belowResponses = Array.from({ length: random.int(1, threshold - 1) }, () =>
    randomResponse(random, belowId, codes),
  );
  return { input: { principles, groups, responses, threshold }, belowId, belowResponses };
}

/** Everything in the results except the below-threshold group's own entry (its count is meant to change). */
const withoutGroup = (results: RoundResults, groupId: string) => ({
  ...results,
  groups: results.groups.filter((group) => group.groupId !== groupId),
});

function interleave(responses: readonly ResponseInput[], extra: readonly ResponseInput[], random: Random) {
  const all = [...responses];
  for (const response of extra) all.splice(random.int(0, all.length), 0, response);
  return all;
}

const seeds = Array.from({ length: 200 }, (_, index) => index + 1);

describe('a below-threshold group changes no figure shown', () => {
  it(`holds for ${seeds.length} seeded random rounds, adding all or some of its responses`, () => {
    for (const seed of seeds) {
      const { input, belowId, belowResponses } = randomCase(seed);
      const random = prng(seed * 7919);
      const base = computeRoundResults(input);
      const some = belowResponses.slice(0, random.int(0, belowResponses.length - 1));
      for (const extra of [belowResponses, some]) {
        const results = computeRoundResults({
          ...input,
          responses: interleave(input.responses, extra, random),
        });
        const message = `seed ${seed}, ${extra.length} below-threshold responses`;
        expect(withoutGroup(results, belowId), message).toStrictEqual(withoutGroup(base, belowId));
        const below = results.groups.find((group) => group.groupId === belowId);
        expect(below, message).toStrictEqual({
          groupId: belowId,
          groupName: 'Below',
          side: below?.side,
          status: 'below-threshold',
          respondents: extra.length,
          needed: (input.threshold ?? 5) - extra.length,
        });
      }
    }
  });

  it('is tested on rounds where the sides have data (so a leak would show)', () => {
    const withData = seeds.filter((seed) => {
      const { sides } = computeRoundResults(randomCase(seed).input);
      return sides.council.status === 'has-data' && sides.community.status === 'has-data';
    });
    expect(withData.length).toBeGreaterThan(50);
  });
});
