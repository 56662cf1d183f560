/**
 * Shared/exclusive gate: every read and write holds it shared; key rotation
 * and key-slot changes hold it exclusive, so they never interleave with a save.
 */
export class Gate {
  private active = 0;
  private exclusiveTurn: Promise<void> | null = null;
  private onDrained: (() => void) | null = null;

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    while (this.exclusiveTurn) await this.exclusiveTurn;
    this.active += 1;
    try {
      return await fn();
    } finally {
      this.active -= 1;
      if (this.active === 0 && this.onDrained) this.onDrained();
    }
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.exclusiveTurn) await this.exclusiveTurn;
    let release: () => void = () => undefined;
    this.exclusiveTurn = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      if (this.active > 0) {
        await new Promise<void>((resolve) => {
          this.onDrained = resolve;
        });
        this.onDrained = null;
      }
      return await fn();
    } finally {
      this.exclusiveTurn = null;
      release();
    }
  }
}

/** Runs tasks one after another (per file or per stream), keeping order of submission. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
