/** Longer than any address this service makes; a longer one is not one of ours. */
export const maximumRedirectLength = 2000;

const printableAscii = /^[\x21-\x7e]*$/;
// C0 and C1 controls and DEL (Cc), and the Unicode line and paragraph separators.
const controlCharacter = /[\p{Cc}\u2028\u2029]/u;
const onSiteOrigin = 'https://on-site.invalid';

function isSitePath(value: string): boolean {
  return (
    value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') && !controlCharacter.test(value)
  );
}

function percentDecoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function staysOnSite(value: string): boolean {
  try {
    return new URL(value, onSiteOrigin).origin === onSiteOrigin;
  } catch {
    return false;
  }
}

/**
 * The one rule for every `next` or return address taken from a request: a path on this site, or `fallback`.
 *
 * A path starts with a single `/`; has no backslash, control character or space, nothing outside printable
 * ASCII (an address from a request is percent-encoded), and no scheme. The same holds once percent-decoded,
 * because browsers and proxies differ in what they decode (`/%09/evil.example` is `/\t/evil.example` to some),
 * and a browser resolving it against this site keeps this site's origin.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > maximumRedirectLength) return fallback;
  if (!printableAscii.test(value) || !isSitePath(value)) return fallback;
  const decoded = percentDecoded(value);
  if (decoded === undefined || !isSitePath(decoded)) return fallback;
  return staysOnSite(value) && staysOnSite(decoded) ? value : fallback;
}
