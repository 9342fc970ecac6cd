import { describe, expect, it } from 'vitest';
import { checkOpeningTimes, openingTimesFormFor, type OpeningTimesForm } from './opening-times-form.js';

const closed: OpeningTimesForm = {
  monday: '',
  tuesday: '',
  wednesday: '',
  thursday: '',
  friday: '',
  saturday: '',
  sunday: '',
};

describe('the opening times form', () => {
  it.each([
    ['10:00 to 13:00', [{ opens: '10:00', closes: '13:00' }]],
    [
      '9am-1pm, 2pm-4.30pm',
      [
        { opens: '09:00', closes: '13:00' },
        { opens: '14:00', closes: '16:30' },
      ],
    ],
    [
      '10:00 until 12:00 and 13:00 to 15:00',
      [
        { opens: '10:00', closes: '12:00' },
        { opens: '13:00', closes: '15:00' },
      ],
    ],
  ])('reads “%s”', (typed, sessions) => {
    const result = checkOpeningTimes({ ...closed, tuesday: typed });
    expect(result).toEqual({ ok: true, schedules: sessions.map((s) => ({ day: 'tuesday', ...s })) });
  });

  it.each([
    [
      'from ten',
      'Enter Friday’s times as an opening and a closing time, like 10:00 to 13:00, or leave it blank',
    ],
    ['13:00 to 10:00', 'On Friday, the closing time must be after the opening time'],
  ])('refuses “%s”', (typed, message) => {
    expect(checkOpeningTimes({ ...closed, friday: typed })).toEqual({
      ok: false,
      problems: { 'opening-friday': message },
    });
  });

  it('writes a service’s openings back into the boxes, sessions in order', () => {
    const form = openingTimesFormFor([
      { day: 'monday', opens: '14:00', closes: '16:00' },
      { day: 'monday', opens: '09:00', closes: '12:00' },
    ]);
    expect(form).toEqual({ ...closed, monday: '09:00 to 12:00, 14:00 to 16:00' });
    expect(checkOpeningTimes(closed)).toEqual({ ok: true, schedules: [] });
  });
});
