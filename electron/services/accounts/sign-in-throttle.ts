import { AppError } from '../../../shared/errors';

/**
 * After three failed attempts for the same user name, each new attempt must
 * wait twice as long as the last (1 s, 2 s, 4 s … up to 60 s). The wait is
 * per user name and resets on success. Kept in memory: restarting the app
 * costs an attacker more than waiting.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; nextAllowedAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  check(key: string): void {
    const entry = this.failures.get(key);
    if (!entry) return;
    const waitMs = entry.nextAllowedAt - this.now();
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError('TOO_MANY_ATTEMPTS', `Demasiados intentos fallidos. Espere ${seconds} segundo${seconds === 1 ? '' : 's'} antes de intentar de nuevo.`);
    }
  }

  fail(key: string): number {
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    const delayMs = count < 3 ? 0 : Math.min(60_000, 1000 * 2 ** (count - 3));
    this.failures.set(key, { count, nextAllowedAt: this.now() + delayMs });
    return delayMs;
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
