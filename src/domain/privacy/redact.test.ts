import { describe, expect, it } from 'vitest';
import { redactOtherEmails } from './redact.js';

describe('redactOtherEmails', () => {
  it.each([
    ['sam@northmoor.example', 'sam@northmoor.example'],
    ['SAM@northmoor.example as Viewer', 'SAM@northmoor.example as Viewer'],
    ['kim@eastbrook.example as Viewer', '[another person] as Viewer'],
    ['kim@eastbrook.example: Viewer to Partnership admin', '[another person]: Viewer to Partnership admin'],
    ['3 people to Council in Spring 2026', '3 people to Council in Spring 2026'],
    ['sam@northmoor.example invited kim@x.example', 'sam@northmoor.example invited [another person]'],
  ])('%s → %s', (text, expected) => {
    expect(redactOtherEmails(text, 'sam@northmoor.example')).toBe(expected);
  });
});
