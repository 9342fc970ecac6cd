import { describe, expect, it } from 'vitest';
import { withoutControlCharacters } from './control-characters.js';

describe('withoutControlCharacters', () => {
  it.each([
    ['a\u0000b', 'ab'],
    ['\u0007bell\u007f', 'bell'],
    ['tab\tand\nlines\r\n', 'tab\tand\nlines\r\n'],
    ['Ysgol Gymraeg ŵ ŷ 🍲', 'Ysgol Gymraeg ŵ ŷ 🍲'],
  ])('%j → %j', (text, cleaned) => {
    expect(withoutControlCharacters(text)).toBe(cleaned);
  });
});
