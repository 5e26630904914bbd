/** How far the wall clock of `zone` is ahead of UTC at an instant, in ms (to the second). */
const zoneOffsetMs = (at: Date, zone: string): number => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(at.getTime() / 1000) * 1000;
};

/**
 * When regrade requests close: `days` calendar days after the publication in the course's zone,
 * keeping its wall-clock hour across a DST change (as the server's regradeWindowEnd). The server
 * decides; this only picks whether the page offers the form and says until when.
 */
export const regradeWindowEnd = (publishedAt: string, zone: string, days: number): Date => {
  const start = new Date(publishedAt);
  const naive = new Date(start.getTime() + days * 86_400_000);
  return new Date(naive.getTime() + zoneOffsetMs(start, zone) - zoneOffsetMs(naive, zone));
};
