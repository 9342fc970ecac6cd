import { describe, expect, it } from 'vitest';
import { blankContact, checkContacts, contactFormsFor } from './contact-form.js';

describe('the contacts form', () => {
  it('keeps filled contacts, drops blank ones and lower-cases emails', () => {
    expect(
      checkContacts([
        { name: ' Sam  Jones ', role: 'Manager', email: 'Sam@Example.org', phone: '' },
        blankContact,
      ]),
    ).toEqual({
      ok: true,
      contacts: [{ name: 'Sam Jones', role: 'Manager', email: 'sam@example.org', phone: null }],
    });
    expect(contactFormsFor([])).toEqual([blankContact]);
  });

  it.each([
    ['a bad email', { email: 'not-an-email', name: 'Sam' }, 'contacts-0-email'],
    ['a role and nothing else', { role: 'Manager' }, 'contacts-0-name'],
    ['letters in the phone number', { phone: 'call me', name: 'Sam' }, 'contacts-0-phone'],
  ])('refuses %s', (_name, typed, field) => {
    const result = checkContacts([{ ...blankContact, ...typed }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toEqual([field]);
  });
});
