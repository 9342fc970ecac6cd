import type { InterestRole } from '../funding/clashes.js';
import type { Currency } from '../funding/money.js';
import type { CommissioningRoute, CommissioningStatus } from '../funding/commissioning.js';

/** One made-up funding opportunity in Northmoor's pipeline; interests name demo organisations by key. */
export interface DemoOpportunity {
  readonly key: string;
  readonly funder: string;
  readonly fundName: string;
  /** Whole pounds (or the currency's major unit). */
  readonly amountMin: number | null;
  readonly amountMax: number | null;
  readonly currency: Currency;
  /** Days after the demo is loaded that applications close; negative for a passed deadline. */
  readonly deadlineInDays: number | null;
  readonly themes: readonly string[];
  /** Ward names; empty for the whole authority. */
  readonly wards: readonly string[];
  readonly link: string;
  readonly notes: string;
  readonly interests: readonly { organisation: string; role: InterestRole; note: string }[];
}

/**
 * Five opportunities. The energy fund has a clash: the food bank and the advice service each plan to lead a
 * bid, so the demo shows the flag and the offer to plan a joint bid.
 */
export const northmoorDemoOpportunities: readonly DemoOpportunity[] = [
  {
    key: 'warm-homes',
    funder: 'Northern Energy Trust',
    fundName: 'Warm Homes Community Fund',
    amountMin: 10_000,
    amountMax: 60_000,
    currency: 'GBP',
    deadlineInDays: 21,
    themes: ['fuel-and-energy', 'money-debt-and-benefits'],
    wards: ['Greenacres', 'Mill Lane'],
    link: 'https://example.org/warm-homes-community-fund',
    notes: 'Two-year grants for energy advice and crisis support. One application per organisation.',
    interests: [
      { organisation: 'foodbank', role: 'lead', note: 'Fuel vouchers alongside food parcels.' },
      { organisation: 'advice', role: 'lead', note: 'Energy debt advice in Greenacres and Mill Lane.' },
      { organisation: 'cvs', role: 'partner', note: 'Can host a joint bid.' },
    ],
  },
  {
    key: 'reaching-communities',
    funder: 'National Lottery Community Fund',
    fundName: 'Reaching Communities',
    amountMin: 10_001,
    amountMax: 500_000,
    currency: 'GBP',
    deadlineInDays: null,
    themes: ['loneliness-and-isolation', 'mental-health-and-wellbeing'],
    wards: [],
    link: 'https://example.org/reaching-communities',
    notes: 'Rolling programme; funding for up to five years.',
    interests: [{ organisation: 'church', role: 'lead', note: 'Befriending for older people.' }],
  },
  {
    key: 'household-support',
    funder: 'Northmoor Council',
    fundName: 'Household Support Fund (local grants)',
    amountMin: 2_000,
    amountMax: 15_000,
    currency: 'GBP',
    deadlineInDays: 9,
    themes: ['food', 'fuel-and-energy'],
    wards: [],
    link: '',
    notes: 'Short-term crisis grants for the winter.',
    interests: [{ organisation: 'foodbank', role: 'lead', note: '' }],
  },
  {
    key: 'digital-skills',
    funder: 'Connected North Foundation',
    fundName: 'Digital Skills for Later Life',
    amountMin: null,
    amountMax: 25_000,
    currency: 'GBP',
    deadlineInDays: 60,
    themes: ['digital-inclusion', 'older-people'],
    wards: ['Castle Hill'],
    link: 'https://example.org/digital-skills-later-life',
    notes: '',
    interests: [],
  },
  {
    key: 'youth-futures',
    funder: 'Youth Futures Transatlantic Fund',
    fundName: 'Youth Futures',
    amountMin: 20_000,
    amountMax: 20_000,
    currency: 'USD',
    deadlineInDays: -10,
    themes: ['young-people', 'employment-and-skills'],
    wards: [],
    link: '',
    notes: 'Awards are made in US dollars.',
    interests: [{ organisation: 'council', role: 'partner', note: 'Would back a VCS-led bid.' }],
  },
];

export interface DemoIntention {
  readonly key: string;
  readonly title: string;
  readonly needs: readonly { ward: string; theme: string }[];
  readonly outcomes: readonly string[];
  readonly budget: number;
  readonly durationMonths: number;
  readonly route: CommissioningRoute;
  readonly status: CommissioningStatus;
  /** Keys of demo services commissioned. */
  readonly services: readonly string[];
}

export const northmoorDemoIntention: DemoIntention = {
  key: 'money-advice-south-east',
  title: 'Money and energy advice in the south-east wards',
  needs: [
    { ward: 'Greenacres', theme: 'money-debt-and-benefits' },
    { ward: 'Mill Lane', theme: 'money-debt-and-benefits' },
    { ward: 'Greenacres', theme: 'fuel-and-energy' },
  ],
  outcomes: [
    'Fewer households in crisis debt or cut off from energy',
    'Advice within a week of asking, in person or by phone',
    'Partners refer to each other without a second assessment',
  ],
  budget: 240_000,
  durationMonths: 36,
  route: 'alliance',
  status: 'planned',
  services: ['debt-advice', 'energy-advice'],
};
