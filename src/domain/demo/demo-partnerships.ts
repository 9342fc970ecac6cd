import type { PartnershipRole } from '../accounts/roles.js';
import type { OrganisationKind } from '../partnerships/organisation-kinds.js';
import { seededRandom } from '../shared/seeded-random.js';

/** The fictional places and people of the demo. Every name is invented; addresses use the reserved .example domain. */
export interface DemoOrganisation {
  readonly key: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly identifier: string | null;
}

export interface DemoPerson {
  readonly email: string;
  readonly displayName: string;
  readonly memberships: readonly {
    partnership: string;
    role: PartnershipRole;
    organisation: string | null;
  }[];
  readonly nationalAdmin: boolean;
}

export interface DemoPartnership {
  readonly slug: string;
  readonly name: string;
  readonly localAuthorityCode: string;
  readonly organisations: readonly DemoOrganisation[];
}

export interface DemoWorld {
  readonly partnerships: readonly DemoPartnership[];
  readonly people: readonly DemoPerson[];
}

const givenNames = [
  'Amara',
  'Ben',
  'Chloe',
  'Dev',
  'Eilidh',
  'Farah',
  'Gareth',
  'Hana',
  'Isaac',
  'Jas',
  'Kemi',
  'Liam',
];
const familyNames = [
  'Ahmed',
  'Brennan',
  'Clarke',
  'Dhillon',
  'Evans',
  'Fofana',
  'Green',
  'Hussain',
  'Iqbal',
  'Jones',
];

function charityNumber(random: ReturnType<typeof seededRandom>): string {
  return `GB-CHC-${random.integer(1_100_000, 1_199_999)}`;
}

/** Builds the demo world from a seed: the same seed always gives the same world. */
export function buildDemoWorld(seed = 2026): DemoWorld {
  const random = seededRandom(seed);
  const person = () => `${random.pick(givenNames)} ${random.pick(familyNames)}`;

  const northmoor: DemoPartnership = {
    slug: 'northmoor',
    name: 'Northmoor Council and Communities Partnership',
    localAuthorityCode: 'E06099001',
    organisations: [
      { key: 'council', name: 'Northmoor Council', kind: 'council', identifier: null },
      {
        key: 'cvs',
        name: 'Northmoor Council for Voluntary Service',
        kind: 'infrastructure',
        identifier: charityNumber(random),
      },
      { key: 'foodbank', name: 'Northmoor Food Bank', kind: 'vcs', identifier: charityNumber(random) },
      {
        key: 'advice',
        name: 'Moorside Money and Debt Advice',
        kind: 'vcs',
        identifier: charityNumber(random),
      },
      { key: 'mosque', name: 'Northmoor Central Mosque', kind: 'faith', identifier: charityNumber(random) },
      {
        key: 'church',
        name: 'St Aidan’s Church Community Hub',
        kind: 'faith',
        identifier: charityNumber(random),
      },
      {
        key: 'cafe',
        name: 'Riverside Community Café CIC',
        kind: 'social-enterprise',
        identifier: 'GB-COH-14123456',
      },
      { key: 'health', name: 'Northmoor Integrated Care Partnership', kind: 'health', identifier: null },
    ],
  };
  const eastbrook: DemoPartnership = {
    slug: 'eastbrook',
    name: 'Eastbrook Together',
    localAuthorityCode: 'E07099002',
    organisations: [
      { key: 'council', name: 'Eastbrook District Council', kind: 'council', identifier: null },
      {
        key: 'cvs',
        name: 'Eastbrook Voluntary Action',
        kind: 'infrastructure',
        identifier: charityNumber(random),
      },
      { key: 'gurdwara', name: 'Eastbrook Gurdwara', kind: 'faith', identifier: charityNumber(random) },
    ],
  };

  const people: DemoPerson[] = [
    {
      email: 'admin@northmoor.example',
      displayName: person(),
      nationalAdmin: false,
      memberships: [
        { partnership: 'northmoor', role: 'partnership-admin', organisation: 'council' },
        { partnership: 'eastbrook', role: 'viewer', organisation: null },
      ],
    },
    {
      email: 'council@northmoor.example',
      displayName: person(),
      nationalAdmin: false,
      memberships: [{ partnership: 'northmoor', role: 'council-member', organisation: 'council' }],
    },
    {
      email: 'vcs@northmoor.example',
      displayName: person(),
      nationalAdmin: false,
      memberships: [{ partnership: 'northmoor', role: 'vcs-member', organisation: 'foodbank' }],
    },
    {
      email: 'viewer@northmoor.example',
      displayName: person(),
      nationalAdmin: false,
      memberships: [{ partnership: 'northmoor', role: 'viewer', organisation: 'health' }],
    },
    {
      email: 'admin@eastbrook.example',
      displayName: person(),
      nationalAdmin: false,
      memberships: [{ partnership: 'eastbrook', role: 'partnership-admin', organisation: 'council' }],
    },
    {
      email: 'national@common-ground.example',
      displayName: person(),
      nationalAdmin: true,
      memberships: [],
    },
    {
      // A second VCS member, from another organisation with services, to show who may change what.
      email: 'advice@northmoor.example',
      displayName: person(),
      nationalAdmin: false,
      memberships: [{ partnership: 'northmoor', role: 'vcs-member', organisation: 'advice' }],
    },
  ];
  return { partnerships: [northmoor, eastbrook], people };
}
