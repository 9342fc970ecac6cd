import { seededRandom } from '../shared/seeded-random.js';

/**
 * About 40 made-up grants for Northmoor, in the 360Giving shape, so the grants and funding pages have something
 * to show: from the council, a community foundation and a national funder; to demo organisations (matched by
 * their key) and to small groups that are not in the directory; some multi-year, some contracts, some to faith
 * groups, placed in wards, in a ward's neighbourhood, or authority-wide.
 */

export type DemoGrantPlace =
  { readonly authority: true } | { readonly ward: string; readonly neighbourhood?: 'A' | 'B' | 'C' | 'D' };

export interface DemoGrant {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  /** Whole pounds and pence as decimal text. */
  readonly amount: string;
  readonly awardedDaysAgo: number;
  readonly durationMonths: number;
  readonly kind: 'grant' | 'contract';
  readonly funder: { readonly id: string; readonly name: string };
  readonly programme: string;
  /** A demo organisation's key, or a group that is not in the directory. */
  readonly recipient: { readonly organisation: string } | { readonly name: string; readonly id: string };
  readonly place: DemoGrantPlace;
  readonly themes: readonly string[];
}

const council = { id: 'GB-LAE-NMC', name: 'Northmoor Council' };
const foundation = { id: 'GB-CHC-1190001', name: 'Northmoor Community Foundation' };
const national = { id: 'GB-GOR-PB188', name: 'The National Lottery Community Fund' };

interface Template {
  readonly title: string;
  readonly description: string;
  readonly themes: readonly string[];
  readonly recipient: DemoGrant['recipient'];
  readonly place: DemoGrantPlace;
  readonly range: readonly [number, number];
  readonly months: readonly number[];
  readonly funders: readonly (typeof council)[];
  readonly kind?: 'contract';
}

const org = (organisation: string) => ({ organisation });
const group = (name: string, id: string) => ({ name, id: `360G-northmoor-${id}` });
const ward = (name: string, neighbourhood?: 'A' | 'B' | 'C' | 'D'): DemoGrantPlace =>
  neighbourhood ? { ward: name, neighbourhood } : { ward: name };
const everywhere: DemoGrantPlace = { authority: true };

const templates: readonly Template[] = [
  {
    title: 'Emergency food parcels',
    description: 'Food parcels and fresh food for households referred by advice services.',
    themes: ['food'],
    recipient: org('foodbank'),
    place: ward('Greenacres'),
    range: [8000, 25000],
    months: [12, 36],
    funders: [council, foundation],
  },
  {
    title: 'Holiday hunger meals',
    description: 'Meals and activities for children during school holidays.',
    themes: ['food', 'children-and-families'],
    recipient: org('foodbank'),
    place: ward('Mill Lane'),
    range: [3000, 12000],
    months: [2, 6],
    funders: [council],
  },
  {
    title: 'Debt and benefits advice',
    description: 'Casework for residents in debt, including benefits checks and energy arrears.',
    themes: ['money-debt-and-benefits'],
    recipient: org('advice'),
    place: everywhere,
    range: [40000, 120000],
    months: [36],
    funders: [council],
    kind: 'contract',
  },
  {
    title: 'Energy advice outreach',
    description: 'Home visits on energy bills and warm homes grants.',
    themes: ['fuel-and-energy'],
    recipient: org('advice'),
    place: ward('Wharfe Bank'),
    range: [6000, 18000],
    months: [12],
    funders: [foundation, national],
  },
  {
    title: 'Warm welcome winter sessions',
    description: 'A warm space with hot drinks and company three days a week through the winter.',
    themes: ['warm-and-welcoming-spaces', 'loneliness-and-isolation'],
    recipient: org('church'),
    place: ward('St Aidan’s'),
    range: [1500, 6000],
    months: [6],
    funders: [council, foundation],
  },
  {
    title: 'Community lunch club',
    description: 'A weekly lunch for older people living alone.',
    themes: ['older-people', 'loneliness-and-isolation', 'food'],
    recipient: org('mosque'),
    place: ward('Northgate'),
    range: [2000, 9000],
    months: [12, 24],
    funders: [foundation],
  },
  {
    title: 'Youth mentoring',
    description: 'Mentoring and sport for young people at risk of exclusion.',
    themes: ['young-people'],
    recipient: group('Northgate Boxing Club', 'northgate-boxing'),
    place: ward('Northgate'),
    range: [4000, 15000],
    months: [12, 36],
    funders: [national, council],
  },
  {
    title: 'Carers’ breaks',
    description: 'Short breaks and peer support for unpaid carers.',
    themes: ['carers'],
    recipient: group('Brookfield Carers Circle', 'brookfield-carers'),
    place: ward('Brookfield', 'B'),
    range: [1000, 5000],
    months: [12],
    funders: [foundation],
  },
  {
    title: 'Digital skills café',
    description: 'Help getting online, with donated laptops and data.',
    themes: ['digital-inclusion'],
    recipient: org('cafe'),
    place: ward('Riverside'),
    range: [2500, 9000],
    months: [12],
    funders: [council, national],
  },
  {
    title: 'Tenants’ estate improvements',
    description: 'Residents’ association project to improve safety and lighting on the estate.',
    themes: ['community-safety', 'housing-and-homelessness'],
    recipient: group('Highfield Tenants and Residents Association', 'highfield-tra'),
    place: ward('Highfield', 'C'),
    range: [800, 4000],
    months: [6, 12],
    funders: [council],
  },
  {
    title: 'Volunteer centre',
    description: 'Recruiting, training and placing volunteers with local groups.',
    themes: ['volunteering-and-civic-participation'],
    recipient: org('cvs'),
    place: everywhere,
    range: [30000, 60000],
    months: [36],
    funders: [council],
  },
  {
    title: 'Faith and community kitchen',
    description: 'A community kitchen and food sharing run by the congregation.',
    themes: ['food', 'faith-and-belief'],
    recipient: group('Greenacres Baptist Church', 'greenacres-baptist'),
    place: ward('Greenacres', 'D'),
    range: [1500, 7000],
    months: [12, 24],
    funders: [foundation, national],
  },
  {
    title: 'Mental wellbeing walks',
    description: 'Led walks and a peer support group for people with low mood.',
    themes: ['mental-health-and-wellbeing'],
    recipient: group('Castle Hill Walking for Health', 'castle-hill-walks'),
    place: ward('Castle Hill'),
    range: [700, 3000],
    months: [12],
    funders: [council],
  },
  {
    title: 'Allotment growing project',
    description: 'Growing food with families and sharing the harvest.',
    themes: ['food'],
    recipient: group('Low Fold Allotment Society', 'low-fold-allotments'),
    place: ward('Low Fold'),
    range: [500, 2500],
    months: [12],
    funders: [foundation],
  },
];

/** Northmoor's demo grants: each template three times over the last three years, 42 in all. */
export function northmoorDemoGrants(): DemoGrant[] {
  const random = seededRandom(360);
  return templates.flatMap((template, index) =>
    [0, 1, 2].map((round) => {
      const [low, high] = template.range;
      const pounds = random.integer(low, high);
      const pence = random.pick(['00', '00', '50', '25']);
      const funder = template.funders[round % template.funders.length] ?? council;
      const months = template.months[round % template.months.length] ?? 12;
      return {
        key: `${index + 1}-${round + 1}`,
        title: template.title,
        description: template.description,
        amount: `${pounds}.${pence}`,
        awardedDaysAgo: 30 + round * 365 + random.integer(0, 200),
        durationMonths: months,
        kind: template.kind ?? 'grant',
        funder,
        programme:
          funder === council
            ? 'Voluntary Sector Grants'
            : funder === foundation
              ? 'Community Fund'
              : 'Awards for All',
        recipient: template.recipient,
        place: template.place,
        themes: template.themes,
      };
    }),
  );
}
