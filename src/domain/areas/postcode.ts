export type PostcodeResult = { ok: true; postcode: string } | { ok: false; reason: string };

// Outward code: area (1–2 letters) + district (digit, then optional digit or letter); inward: digit + 2 letters.
const shape = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

/**
 * A UK postcode in its canonical form (`SR1 1AA`) from any common way of writing it: lower case, no space,
 * several spaces, or the 7-character padded `pcd` form of the ONS files (`SR1  1AA`, `SW1A1AA`).
 */
export function normalisePostcode(raw: string): PostcodeResult {
  const squeezed = raw.toUpperCase().replace(/\s+/g, '');
  if (squeezed === '') return { ok: false, reason: 'Enter a postcode.' };
  const match = shape.exec(squeezed);
  if (!match) {
    return {
      ok: false,
      reason: `${raw.trim()} is not a UK postcode. Enter a full postcode, with both its parts.`,
    };
  }
  return { ok: true, postcode: `${match[1]} ${match[2]}` };
}
