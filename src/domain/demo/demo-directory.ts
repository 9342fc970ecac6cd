import type { ServiceDetails, Weekday } from '../directory/model.js';

/** One service in the fictional Northmoor directory. `owner` is the organisation's name in the demo world. */
export interface DemoService {
  readonly key: string;
  readonly owner: string;
  readonly details: ServiceDetails;
  /** Days since someone last checked it; null for never. Over 365 shows as "needs checking". */
  readonly checkedDaysAgo: number | null;
}

const weekly = (days: readonly Weekday[], opens: string, closes: string) =>
  days.map((day) => ({ day, opens, closes }));

const base: Omit<ServiceDetails, 'name' | 'description' | 'themes'> = {
  url: null,
  email: null,
  phone: null,
  status: 'active',
  eligibility: { description: null, minimumAge: null, maximumAge: null },
  cost: 'Free',
  howToAccess: null,
  languages: ['English'],
  accessibility: null,
  capacity: null,
  locations: [],
  areas: [],
  schedules: [],
  contacts: [],
};

const place = (name: string, address: string, postcode: string) => ({
  sourceId: null,
  name,
  address,
  postcode,
  latitude: null,
  longitude: null,
  visibility: 'public' as const,
});

/** A small, made-up directory so the directory pages have something in them straight after the demo loads. */
export const northmoorDemoServices: readonly DemoService[] = [
  {
    key: 'food-parcels',
    owner: 'Northmoor Food Bank',
    checkedDaysAgo: 20,
    details: {
      ...base,
      name: 'Emergency food parcels',
      description:
        'Three days of food for anyone referred by an agency such as the council, a GP or a school.',
      themes: ['food'],
      howToAccess: 'By referral. Ask any advice agency for a food bank voucher.',
      capacity: { people: 120, period: 'week' },
      email: 'parcels@northmoor-foodbank.example',
      locations: [place('Northmoor Food Bank warehouse', 'Unit 4, Mill Lane, Northmoor', 'NM1 2AB')],
      schedules: weekly(['tuesday', 'thursday'], '10:00', '13:00'),
    },
  },
  {
    key: 'pantry',
    owner: 'Northmoor Food Bank',
    checkedDaysAgo: 420,
    details: {
      ...base,
      name: 'Moorside community pantry',
      description: 'A weekly shop of fresh and tinned food for a small membership fee.',
      themes: ['food', 'money-debt-and-benefits'],
      cost: '£3.50 a visit',
      howToAccess: 'Drop in and join on your first visit.',
      capacity: { people: 60, period: 'week' },
      locations: [place('Moorside Community Centre', '12 Moor Road, Northmoor', 'NM3 4CD')],
      schedules: weekly(['friday'], '12:00', '15:00'),
    },
  },
  {
    key: 'debt-advice',
    owner: 'Moorside Money and Debt Advice',
    checkedDaysAgo: 60,
    details: {
      ...base,
      name: 'Debt and benefits advice drop-in',
      description: 'Free, confidential help with debts, benefit claims and appeals, and budgeting.',
      themes: ['money-debt-and-benefits'],
      howToAccess: 'Drop in, or phone to book a longer appointment.',
      phone: '01632 960 123',
      languages: ['English', 'Urdu', 'Polish'],
      capacity: { people: 40, period: 'week' },
      locations: [place('Northmoor Library', 'Church Street, Northmoor', 'NM1 1AA')],
      schedules: weekly(['monday', 'wednesday'], '09:30', '16:00'),
    },
  },
  {
    key: 'energy-advice',
    owner: 'Moorside Money and Debt Advice',
    checkedDaysAgo: 500,
    details: {
      ...base,
      name: 'Energy bill advice',
      description:
        'Help to understand energy bills, switch tariffs and apply for grants and warm home discounts.',
      themes: ['fuel-and-energy', 'money-debt-and-benefits'],
      howToAccess: 'Phone to book.',
      phone: '01632 960 124',
    },
  },
  {
    key: 'warm-space',
    owner: 'St Aidan’s Church Community Hub',
    checkedDaysAgo: 30,
    details: {
      ...base,
      name: 'Warm welcome at St Aidan’s',
      description:
        'A warm room with hot drinks, soup at lunchtime, newspapers and company. Everyone is welcome.',
      themes: ['warm-and-welcoming-spaces', 'loneliness-and-isolation', 'food'],
      howToAccess: 'Drop in.',
      accessibility: 'Step-free entrance and an accessible toilet.',
      locations: [place('St Aidan’s church hall', 'Aidan Way, Northmoor', 'NM2 5EF')],
      schedules: weekly(['monday', 'wednesday', 'friday'], '10:00', '15:00'),
    },
  },
  {
    key: 'lunch-club',
    owner: 'Northmoor Central Mosque',
    checkedDaysAgo: 90,
    details: {
      ...base,
      name: 'Community lunch club',
      description: 'A free hot lunch and a chat for older neighbours of any faith or none.',
      themes: ['older-people', 'loneliness-and-isolation', 'faith-and-belief', 'food'],
      eligibility: { description: 'Older neighbours', minimumAge: 60, maximumAge: null },
      languages: ['English', 'Urdu', 'Bengali'],
      capacity: { people: 45, period: 'week' },
      locations: [place('Northmoor Central Mosque', '3 Park Road, Northmoor', 'NM2 6GH')],
      schedules: weekly(['thursday'], '12:00', '14:00'),
    },
  },
  {
    key: 'youth-club',
    owner: 'Northmoor Council',
    checkedDaysAgo: 10,
    details: {
      ...base,
      name: 'Northmoor youth club',
      description: 'Sport, games, music and a quiet space for homework, with youth workers on hand.',
      themes: ['young-people'],
      eligibility: { description: 'Young people living in Northmoor', minimumAge: 11, maximumAge: 18 },
      locations: [place('Northmoor Youth Centre', 'Victoria Street, Northmoor', 'NM1 3JK')],
      schedules: weekly(['tuesday', 'thursday'], '18:00', '21:00'),
    },
  },
  {
    key: 'digital-help',
    owner: 'Riverside Community Café CIC',
    checkedDaysAgo: 200,
    details: {
      ...base,
      name: 'Get online café sessions',
      description: 'Bring your phone, tablet or laptop and get help to use it. Free wifi and loan tablets.',
      themes: ['digital-inclusion', 'older-people'],
      cost: 'Free; drinks for sale',
      locations: [place('Riverside Community Café', '8 Quay Street, Northmoor', 'NM4 7LM')],
      schedules: weekly(['wednesday'], '13:00', '15:00'),
    },
  },
  {
    key: 'refuge',
    owner: 'Northmoor Council for Voluntary Service',
    checkedDaysAgo: 45,
    details: {
      ...base,
      name: 'Safe accommodation for women and children',
      description:
        'Safe housing and support for women and children escaping domestic abuse. The address is never shown.',
      themes: ['domestic-abuse', 'housing-and-homelessness'],
      howToAccess: 'Phone the 24-hour helpline.',
      phone: '01632 960 999',
      locations: [{ ...place('Refuge', '', 'NM5 8NP'), address: null, visibility: 'hidden' }],
    },
  },
  {
    key: 'wellbeing-walks',
    owner: 'Northmoor Integrated Care Partnership',
    checkedDaysAgo: null,
    details: {
      ...base,
      name: 'Wellbeing walks',
      description: 'Gentle group walks of about an hour, led by trained volunteers.',
      themes: ['mental-health-and-wellbeing', 'physical-health-and-disability', 'loneliness-and-isolation'],
      howToAccess: 'Turn up at the start point.',
      locations: [place('Northmoor Park gates', 'Park Road, Northmoor', 'NM2 6GJ')],
      schedules: weekly(['saturday'], '10:00', '11:00'),
    },
  },
];
