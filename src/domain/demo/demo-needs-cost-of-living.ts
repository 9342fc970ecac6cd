import { authority, ward, type DemoNeed } from './demo-need-area.js';

/** The cost-of-living part of the Northmoor needs: food, fuel and money, heaviest in the south-east wards. */
export const costOfLivingDemoNeeds: readonly DemoNeed[] = [
  {
    key: 'food-greenacres-d',
    area: ward('Greenacres', 'D'),
    theme: 'food',
    severity: 4,
    peopleAffected: 160,
    evidence:
      'Food bank vouchers from this neighbourhood have doubled in a year: about 40 households a week, many of them working families. Parcels run short on Thursdays.',
    source: 'vcs-frontline',
    reporter: 'foodbank',
    reportedDaysAgo: 12,
  },
  {
    key: 'food-mill-lane',
    area: ward('Mill Lane'),
    theme: 'food',
    severity: 3,
    peopleAffected: 90,
    evidence:
      'Schools in the ward report children arriving hungry after weekends and holidays; breakfast club places are full with a waiting list of around 30.',
    source: 'council-data',
    reporter: 'council',
    reportedDaysAgo: 30,
  },
  {
    key: 'food-wharfe-bank-b',
    area: ward('Wharfe Bank', 'B'),
    theme: 'food',
    severity: 2,
    peopleAffected: 35,
    evidence:
      'The Friday community meal regularly feeds 35 people, up from 20 last winter. Most say it is their only hot meal of the week.',
    source: 'vcs-frontline',
    reporter: 'church',
    reportedDaysAgo: 45,
  },
  {
    key: 'fuel-greenacres',
    area: ward('Greenacres'),
    theme: 'fuel-and-energy',
    severity: 4,
    peopleAffected: 420,
    evidence:
      'Around 420 households on prepayment meters in the ward; energy advisers see people going without heating for days at a time in cold spells.',
    source: 'council-data',
    reporter: 'council',
    reportedDaysAgo: 20,
  },
  {
    key: 'fuel-low-fold-c',
    area: ward('Low Fold', 'C'),
    theme: 'fuel-and-energy',
    severity: 3,
    peopleAffected: 60,
    evidence:
      'Older terraced housing with poor insulation. Warm space visitors say they keep heating off at home to afford food.',
    source: 'resident-feedback',
    reporter: 'cafe',
    reportedDaysAgo: 60,
  },
  {
    key: 'fuel-authority',
    area: authority,
    theme: 'fuel-and-energy',
    severity: 2,
    peopleAffected: 2400,
    evidence:
      'Fuel poverty estimates suggest about one household in seven across Northmoor cannot afford to keep warm; higher in the south and east.',
    source: 'council-data',
    reporter: 'council',
    reportedDaysAgo: 90,
  },
  {
    key: 'debt-mill-lane-a',
    area: ward('Mill Lane', 'A'),
    theme: 'money-debt-and-benefits',
    severity: 4,
    peopleAffected: 75,
    evidence:
      'Debt advice waiting times have reached six weeks. Priority debts (rent, council tax, energy) are the most common reason people come in.',
    source: 'vcs-frontline',
    reporter: 'advice',
    reportedDaysAgo: 8,
  },
  {
    key: 'debt-greenacres',
    area: ward('Greenacres'),
    theme: 'money-debt-and-benefits',
    severity: 3,
    peopleAffected: 200,
    evidence:
      'Many residents moving to Universal Credit are not claiming everything they are entitled to; benefit checks at drop-ins find unclaimed help in about half of cases.',
    source: 'vcs-frontline',
    reporter: 'advice',
    reportedDaysAgo: 25,
  },
  {
    key: 'debt-castle-hill',
    area: ward('Castle Hill'),
    theme: 'money-debt-and-benefits',
    severity: 2,
    peopleAffected: 40,
    evidence:
      'Rising council tax arrears in the ward, mostly single-person households in private rented flats.',
    source: 'council-data',
    reporter: 'council',
    reportedDaysAgo: 70,
  },
];
