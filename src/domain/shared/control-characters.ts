// eslint-disable-next-line no-control-regex -- these are the characters to remove
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text without control characters other than tab and line breaks: a file's NUL bytes and the like mean nothing to
 * a reader, and PostgreSQL refuses to store NUL in text.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(controlCharacters, '');
}
