import type { Contact } from './model.js';
import { cleanEmail, cleanText } from './values.js';

/** One contact on the contacts form, as typed. A contact whose boxes are all blank is removed. */
export interface ContactForm {
  readonly name: string;
  readonly role: string;
  readonly email: string;
  readonly phone: string;
}

export type ContactsCheck =
  | { readonly ok: true; readonly contacts: readonly Contact[] }
  | { readonly ok: false; readonly problems: Readonly<Record<string, string>> };

export const blankContact: ContactForm = { name: '', role: '', email: '', phone: '' };

/** The contacts form for a service: one box set per contact, and one blank to add another. */
export function contactFormsFor(contacts: readonly Contact[]): ContactForm[] {
  return [
    ...contacts.map((c) => ({
      name: c.name ?? '',
      role: c.role ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
    blankContact,
  ];
}

/** Checks the contacts form. Problems are keyed `contacts-<i>-<field>`. */
export function checkContacts(forms: readonly ContactForm[]): ContactsCheck {
  const problems: Record<string, string> = {};
  const contacts: Contact[] = [];
  forms.forEach((form, index) => {
    const key = (field: string) => `contacts-${index}-${field}`;
    const name = cleanText(form.name);
    const role = cleanText(form.role);
    const phone = cleanText(form.phone);
    const email = cleanEmail(form.email);
    if (!name && !role && !phone && email === null) return;
    if (email === undefined)
      problems[key('email')] = 'Enter an email address like name@example.org, or leave it blank';
    if (name && name.length > 200) problems[key('name')] = 'Shorten the name to 200 characters or fewer';
    if (role && role.length > 200) problems[key('role')] = 'Shorten the role to 200 characters or fewer';
    if (phone && !/^[+()\d\s-]{6,30}$/.test(phone)) {
      problems[key('phone')] = 'Enter a phone number using digits and spaces, like 01632 960 000';
    }
    if (!name && !phone && email === null) {
      problems[key('name')] = 'Enter the contact’s name, phone or email, or clear the role to remove them';
    }
    contacts.push({ name, role, email: email ?? null, phone });
  });
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, contacts };
}
