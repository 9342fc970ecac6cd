import type { TestApp } from './test-app.js';

/** A personal access token for each named account (by email), as the account page creates them. */
export async function apiTokensFor(
  t: TestApp,
  accounts: Readonly<Record<string, string>>,
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [key, email] of Object.entries(accounts)) {
    const user = await t.runtime.services.users.findByEmail(email);
    if (!user) throw new Error(`No user ${email}`);
    tokens[key] = (await t.runtime.services.apiTokens.create(user, `${key} token`)).token;
  }
  return tokens;
}
