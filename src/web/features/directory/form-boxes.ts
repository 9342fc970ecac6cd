import { weekdays, type Weekday } from '../../../domain/directory/model.js';
import type { OpeningTimesForm } from '../../../domain/directory/opening-times-form.js';
import { blankPlace, type PlaceForm } from '../../../domain/directory/place-form.js';
import { text } from '../../forms.js';

/** Reading and showing the repeated boxes of the directory forms: places, contacts and opening times. */

/** The most places or contacts one form holds. */
const mostBoxSets = 20;

const visibilityChoices = [
  { value: 'public', text: 'Everyone: show the address and put it on the map' },
  { value: 'area-only', text: 'Only the area: for example a service run from someone’s home' },
  { value: 'hidden', text: 'Nobody: keep the place hidden, for example a refuge' },
];

export const dayLabel = (day: Weekday) => day.charAt(0).toUpperCase() + day.slice(1);

/** Box sets named `<prefix>-<i>-<field>` in the body, in order, for as long as they are there. */
export function boxSets<T extends object>(body: unknown, prefix: string, blank: T): T[] {
  const sets: T[] = [];
  const fields = Object.keys(blank);
  for (let index = 0; index < mostBoxSets; index += 1) {
    const present = fields.some(
      (field) => (body as Record<string, unknown> | undefined)?.[`${prefix}-${index}-${field}`] !== undefined,
    );
    if (!present) break;
    sets.push(
      Object.fromEntries(fields.map((field) => [field, text(body, `${prefix}-${index}-${field}`)])) as T,
    );
  }
  return sets;
}

export const placesFromBody = (body: unknown): PlaceForm[] =>
  boxSets(body, 'places', blankPlace).map((place) => ({
    ...place,
    visibility: place.visibility || 'public',
  }));

export const openingTimesFromBody = (body: unknown): OpeningTimesForm =>
  Object.fromEntries(weekdays.map((day) => [day, text(body, `opening-${day}`)])) as OpeningTimesForm;

export function placeBoxes(forms: readonly PlaceForm[], first = 'Place') {
  return forms.map((form, index) => ({
    ...form,
    index,
    legend: forms.length === 1 ? first : `Place ${index + 1}`,
    hint: index === forms.length - 1 && forms.length > 1 ? 'To add another place, fill in these boxes.' : '',
    visibilityItems: visibilityChoices.map((choice) => ({
      ...choice,
      checked: (form.visibility || 'public') === choice.value,
    })),
  }));
}

export const openingDays = (form: OpeningTimesForm) =>
  weekdays.map((day) => ({ id: day, label: dayLabel(day), value: form[day] }));
