import { describe, expect, it } from 'vitest';
import { findPersonalData, personalDataMessage, type PersonalDataKind } from './personal-data.js';

const options = { currentYear: 2026 };
const kinds = (text: string) => findPersonalData(text, options).map((f) => [f.kind, f.text]);

describe('findPersonalData finds details about a person', () => {
  it.each<[string, PersonalDataKind, string]>([
    ['Contact jo.bloggs@example.org for details', 'email', 'jo.bloggs@example.org'],
    ['Email JANE_DOE+needs@mail.example.co.uk', 'email', 'JANE_DOE+needs@mail.example.co.uk'],
    ['Ring 0161 496 0123 after 5pm', 'phone', '0161 496 0123'],
    ['Ring 01614960123', 'phone', '01614960123'],
    ['Mobile 07700 900123', 'phone', '07700 900123'],
    ['Mobile 07700900123.', 'phone', '07700900123'],
    ['Call +44 7700 900123', 'phone', '+44 7700 900123'],
    ['Call +447700900123', 'phone', '+447700900123'],
    ['Call (0161) 496-0123', 'phone', '(0161) 496-0123'],
    ['Call 020 7946 0018', 'phone', '020 7946 0018'],
    ['Resident born 12/03/1985 needs help', 'date-of-birth', 'born 12/03/1985'],
    ['DOB: 1 April 1950', 'date-of-birth', 'DOB: 1 April 1950'],
    ['d.o.b. 01-04-50', 'date-of-birth', 'd.o.b. 01-04-50'],
    ['date of birth 2019-06-01', 'date-of-birth', 'date of birth 2019-06-01'],
    ['She was born in March 1948', 'date-of-birth', 'born in March 1948'],
    ['DOB 1948', 'date-of-birth', 'DOB 1948'],
    ['Birthday March 1990', 'date-of-birth', 'Birthday March 1990'],
    ['Man, 03/11/1962, living alone', 'date-of-birth', '03/11/1962'],
    ['Woman of 14th February 1939 needs meals', 'date-of-birth', '14th February 1939'],
    ['Mrs Smith needs a food parcel', 'name', 'Mrs Smith'],
    ['Referred by Dr. Patel', 'name', 'Dr. Patel'],
    ['Miss O’Brien is isolated', 'name', 'Miss O’Brien'],
    ['Name: Jo Bloggs', 'name', 'Name: Jo Bloggs'],
    ['a young man called Darren', 'name', 'called Darren'],
    ['a lady named Pat Evans', 'name', 'named Pat Evans'],
  ])('%s', (text, kind, found) => {
    expect(kinds(text)).toContainEqual([kind, found]);
  });
});

describe('findPersonalData lets aggregate descriptions pass', () => {
  it.each([
    'About 40 families a week asking Age UK Trafford for help with food',
    'St Mary’s Church runs a warm space on Tuesdays',
    'Citizens Advice report rising energy debt since 2024',
    'Referrals doubled between 2023 and 2025',
    'Many over 65s living alone in the estate, 120 in the last survey',
    'Postcode M41 0AB and the streets around it',
    'Seen since 2025-10-01, reported 15/01/2026',
    'A lunch club called Friends Together has a waiting list',
    'A group called Age UK runs a befriending scheme',
    'Children aged 0 to 5 and 11 to 16, 1,250 households, 30% more than 2022',
    'Call the helpline on 0800 (free) for advice',
    'Lots of newborn babies and first-time parents',
    'Children born in 2021 are starting school without a nursery place',
    'Dr Kershaw’s surgery',
  ])('%s', (text) => {
    const found = findPersonalData(text, options);
    // A GP surgery named after a doctor is asked about: the guard errs towards asking.
    if (text.startsWith('Dr ')) expect(found.map((f) => f.kind)).toEqual(['name']);
    else expect(found).toEqual([]);
  });
});

describe('findPersonalData options and messages', () => {
  it('treats old full dates as dates of birth, relative to the current year', () => {
    expect(findPersonalData('Seen on 01/02/2012', { currentYear: 2026 })).toHaveLength(0);
    expect(findPersonalData('Seen on 01/02/2010', { currentYear: 2026 })).toHaveLength(1);
    expect(findPersonalData('Seen on 01/02/2009')).toHaveLength(1);
  });

  it('lists every finding in the order it appears, with a plain reason', () => {
    const findings = findPersonalData('Mrs Smith, 07700 900123, smith@example.org', options);
    expect(findings.map((f) => f.kind)).toEqual(['name', 'phone', 'email']);
    expect(findings[2]?.reason).toBe('This looks like an email address: “smith@example.org”.');
    expect(personalDataMessage(findings)).toContain('Remove it: needs describe groups of people');
  });

  it('does not read an email address as a phone number or a name', () => {
    expect(kinds('07700900123@example.org')).toEqual([['email', '07700900123@example.org']]);
  });
});
