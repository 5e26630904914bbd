/** Every use case asks this for "now", so the local server and tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `instant` and runs at real speed from the moment it is made. */
export const clockFrom = (instant: Date): Clock => {
  const offset = instant.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
};

/** A clock that can be pinned to an instant and released back to real time. */
export class SettableClock implements Clock {
  private pinned: Date | undefined;
  private pinnedAt = 0;

  /** Time keeps running from the pinned instant, as a person living in that day would see it. */
  set(instant: Date): void {
    this.pinned = instant;
    this.pinnedAt = Date.now();
  }

  reset(): void {
    this.pinned = undefined;
  }

  isPinned(): boolean {
    return this.pinned !== undefined;
  }

  now(): Date {
    if (!this.pinned) return new Date();
    return new Date(this.pinned.getTime() + (Date.now() - this.pinnedAt));
  }
}
