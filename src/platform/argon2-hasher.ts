import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../app/ports.js';

/** argon2id with OWASP's recommended minimums (19 MiB memory, 2 passes). */
export function argon2idHasher(): PasswordHasher {
  // 2 is Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
  const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}
