/** Lower-cases and trims an email address so one person has one account. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

// Deliberately loose: a real address check is sending to it. This catches typing mistakes.
const shape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function looksLikeEmail(value: string): boolean {
  return shape.test(normaliseEmail(value)) && value.length <= 254;
}
