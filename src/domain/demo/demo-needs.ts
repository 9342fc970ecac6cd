import { authority, ward, type DemoNeed } from './demo-need-area.js';
import { costOfLivingDemoNeeds } from './demo-needs-cost-of-living.js';

export { demoNeedAreaCode, type DemoNeed, type DemoNeedArea } from './demo-need-area.js';

/**
 * About 25 aggregate needs for Northmoor, heaviest in the south-east wards (Greenacres, Mill Lane, Wharfe Bank)
 * where the demo's deprivation figures are highest, so the needs map has a pattern to show.
 */
export const northmoorDemoNeeds: readonly DemoNeed[] = [
  ...costOfLivingDemoNeeds,
  {
    key: 'lonely-moorside',
    area: ward('Moorside'),
    theme: 'loneliness-and-isolation',
    severity: 3,
    peopleAffected: 120,
    evidence:
      'Older people living alone in the ward say they can go a week without talking to anyone. The befriending scheme has more requests than volunteers.',
    source: 'survey',
    reporter: 'cvs',
    reportedDaysAgo: 40,
  },
  {
    key: 'lonely-northgate-b',
    area: ward('Northgate', 'B'),
    theme: 'loneliness-and-isolation',
    severity: 2,
    peopleAffected: 30,
    evidence:
      'Since the bus route was cut, the lunch club has lost about a third of its regulars, who can no longer get there.',
    source: 'vcs-frontline',
    reporter: 'church',
    reportedDaysAgo: 55,
  },
  {
    key: 'lonely-authority',
    area: authority,
    theme: 'loneliness-and-isolation',
    severity: 2,
    peopleAffected: 1800,
    evidence:
      'The residents survey found one adult in ten across Northmoor feels lonely often or always, most of all among people over 75 and young adults.',
    source: 'survey',
    reporter: 'council',
    reportedDaysAgo: 120,
  },
  {
    key: 'mental-health-wharfe-bank',
    area: ward('Wharfe Bank'),
    theme: 'mental-health-and-wellbeing',
    severity: 3,
    peopleAffected: 150,
    evidence:
      'GP practices report more appointments for anxiety and low mood; the talking therapies waiting list for the ward is around 14 weeks.',
    source: 'health-data',
    reporter: 'health',
    reportedDaysAgo: 35,
  },
  {
    key: 'mental-health-greenacres-a',
    area: ward('Greenacres', 'A'),
    theme: 'mental-health-and-wellbeing',
    severity: 4,
    peopleAffected: 50,
    evidence:
      'Frontline staff see people in crisis each week with nowhere local to go in the evenings; the nearest crisis café is two buses away.',
    source: 'vcs-frontline',
    reporter: 'cvs',
    reportedDaysAgo: 15,
  },
  {
    key: 'mental-health-young-riverside',
    area: ward('Riverside'),
    theme: 'young-people',
    severity: 3,
    peopleAffected: 80,
    evidence:
      'Youth workers report more young people aged 13 to 17 struggling with anxiety and not attending school; no youth provision opens at weekends.',
    source: 'vcs-frontline',
    reporter: 'mosque',
    reportedDaysAgo: 28,
  },
  {
    key: 'housing-mill-lane-c',
    area: ward('Mill Lane', 'C'),
    theme: 'housing-and-homelessness',
    severity: 4,
    peopleAffected: 45,
    evidence:
      'Homelessness applications from the neighbourhood rose by half this year, mostly families given notice by private landlords.',
    source: 'council-data',
    reporter: 'council',
    reportedDaysAgo: 18,
  },
  {
    key: 'housing-hollins',
    area: ward('Hollins'),
    theme: 'housing-and-homelessness',
    severity: 2,
    peopleAffected: 25,
    evidence: 'Damp and mould reports in older flats, raised at the tenants’ forum and by health visitors.',
    source: 'resident-feedback',
    reporter: 'health',
    reportedDaysAgo: 80,
  },
  {
    key: 'digital-low-fold',
    area: ward('Low Fold'),
    theme: 'digital-inclusion',
    severity: 2,
    peopleAffected: 70,
    evidence:
      'People over 65 struggle to book GP appointments and manage benefits online; the library help sessions are full every week.',
    source: 'vcs-frontline',
    reporter: 'cafe',
    reportedDaysAgo: 50,
  },
  {
    key: 'transport-highfield',
    area: ward('Highfield'),
    theme: 'transport-and-access',
    severity: 2,
    peopleAffected: null,
    evidence:
      'No evening bus service since the spring timetable change; shift workers and carers say they cannot reach work or appointments.',
    source: 'resident-feedback',
    reporter: 'cvs',
    reportedDaysAgo: 65,
  },
  {
    key: 'carers-brookfield',
    area: ward('Brookfield'),
    theme: 'carers',
    severity: 2,
    peopleAffected: 55,
    evidence:
      'Unpaid carers at the support group say respite is hard to find; several have not had a break in over a year.',
    source: 'vcs-frontline',
    reporter: 'church',
    reportedDaysAgo: 75,
  },
  {
    key: 'families-greenacres-c',
    area: ward('Greenacres', 'C'),
    theme: 'children-and-families',
    severity: 3,
    peopleAffected: 65,
    evidence:
      'Families with young children asking for help with school uniform, nappies and baby formula; the baby bank has run out twice this month.',
    source: 'vcs-frontline',
    reporter: 'foodbank',
    reportedDaysAgo: 10,
  },
  {
    key: 'employment-st-aidans',
    area: ward('St Aidan’s'),
    theme: 'employment-and-skills',
    severity: 2,
    peopleAffected: 90,
    evidence:
      'Young adults leaving college without work; the job club sees about 15 new people a month asking for help with CVs and interviews.',
    source: 'vcs-frontline',
    reporter: 'cvs',
    reportedDaysAgo: 85,
  },
  {
    key: 'refugees-wharfe-bank-d',
    area: ward('Wharfe Bank', 'D'),
    theme: 'refugees-and-migrants',
    severity: 3,
    peopleAffected: 40,
    evidence:
      'Newly arrived families need English classes and help registering with GPs and schools; the conversation café has a waiting list.',
    source: 'vcs-frontline',
    reporter: 'mosque',
    reportedDaysAgo: 22,
  },
  {
    key: 'warm-spaces-mill-lane',
    area: ward('Mill Lane'),
    theme: 'warm-and-welcoming-spaces',
    severity: 2,
    peopleAffected: 100,
    evidence:
      'Warm spaces in the ward are full on cold weekdays, with about 100 visits a week across three venues, and none open at weekends.',
    source: 'vcs-frontline',
    reporter: 'cafe',
    reportedDaysAgo: 14,
  },
  {
    key: 'physical-health-authority',
    area: authority,
    theme: 'physical-health-and-disability',
    severity: 1,
    peopleAffected: null,
    evidence:
      'Health data show more long-term conditions in the south and east of Northmoor; people there are less likely to attend health checks.',
    source: 'health-data',
    reporter: 'health',
    reportedDaysAgo: 150,
  },
];
