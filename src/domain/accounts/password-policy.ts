export const minimumPasswordLength = 12;
export const maximumPasswordLength = 200;

const tooCommon = new Set([
  'password1234',
  'passwordpassword',
  '123456789012',
  'qwertyuiopas',
  'letmeinletmein',
  'commonground1',
  'administrator',
]);

/** Returns a plain-English problem with the password, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < minimumPasswordLength) {
    return `Enter a password that is at least ${minimumPasswordLength} characters long`;
  }
  if (password.length > maximumPasswordLength) {
    return `Enter a password that is ${maximumPasswordLength} characters or fewer`;
  }
  if (tooCommon.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) {
    return 'Enter a password that is harder to guess: this one is too common';
  }
  return undefined;
}
