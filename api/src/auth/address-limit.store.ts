/**
 * Where the per-address sign-in limit keeps its counts: in PostgreSQL, so every API replica
 * counts the same failures (an express-rate-limit store; the library's default store is one
 * process's memory, and two replicas would each allow the full limit).
 */
import { signInLimitsRepository, type Db } from '@kampung/db';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';

export class PostgresAddressLimitStore implements Store {
  /** Counts made in one replica are seen by the others. */
  readonly localKeys = false;
  readonly prefix = 'sign-in:';
  private windowMs: number;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    windowMs: number,
  ) {
    this.windowMs = windowMs;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
    // Ended windows are dead rows: sweep them now and then (any replica may; it is idempotent).
    this.sweeper = setInterval(() => {
      void signInLimitsRepository.deleteEndedAddressWindows(this.db, this.windowMs).catch(() => undefined);
    }, Math.max(this.windowMs, 60_000));
    this.sweeper.unref();
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const found = await signInLimitsRepository.findAddressFailures(this.db, this.prefix + key, this.windowMs);
    return found && { totalHits: found.failures, resetTime: found.windowEndsAt };
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const counted = await signInLimitsRepository.countAddressFailure(this.db, this.prefix + key, this.windowMs);
    return { totalHits: counted.failures, resetTime: counted.windowEndsAt };
  }

  async decrement(key: string): Promise<void> {
    await signInLimitsRepository.uncountAddressFailure(this.db, this.prefix + key, this.windowMs);
  }

  async resetKey(key: string): Promise<void> {
    await signInLimitsRepository.clearAddressFailures(this.db, this.prefix + key);
  }

  shutdown(): void {
    clearInterval(this.sweeper);
  }
}
