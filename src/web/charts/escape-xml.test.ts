import { describe, expect, it } from 'vitest';
import { escapeXml } from './escape-xml.js';

describe('escapeXml', () => {
  it.each([
    ['plain text is unchanged', 'Shared power', 'Shared power'],
    ['ampersand', 'Trust & respect', 'Trust &amp; respect'],
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['double quotes', 'say "hi"', 'say &quot;hi&quot;'],
    ['single quotes', "council's view", 'council&#39;s view'],
    ['an existing entity is escaped again', '&amp;', '&amp;amp;'],
    ['forbidden control characters are dropped', 'a\u0000b\u001bc', 'abc'],
    ['tab and line feed are kept', 'a\tb\nc', 'a\tb\nc'],
    ['non-ASCII is kept', 'Café – “quoted”', 'Café – “quoted”'],
    ['empty string', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});
