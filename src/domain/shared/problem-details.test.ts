import { describe, expect, it } from 'vitest';
import { problemDetails } from './problem-details.js';

describe('problemDetails', () => {
  it.each([
    [404, 'Not Found'],
    [413, 'Content Too Large'],
    [429, 'Too Many Requests'],
    [500, 'Internal Server Error'],
    [418, 'Client Error'],
    [599, 'Server Error'],
  ])('titles %i as %s', (status, title) => {
    expect(problemDetails(status, 'What went wrong.')).toMatchObject({ type: 'about:blank', title, status });
  });

  it('keeps the older error and message keys beside the standard ones', () => {
    expect(problemDetails(404, 'There is no such round.', { label: 'Not found' })).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'There is no such round.',
      error: 'Not found',
      message: 'There is no such round.',
    });
  });

  it('adds extensions without letting them replace the standard members', () => {
    const problem = problemDetails(400, 'Check the fields.', {
      extensions: { fields: { theme: 'Select a theme' }, status: 200, detail: 'ignored' },
    });
    expect(problem.fields).toEqual({ theme: 'Select a theme' });
    expect(problem.status).toBe(400);
    expect(problem.detail).toBe('Check the fields.');
  });
});
