// Calendar days, hours and ISO times with offset in the terminal's time zone, fast enough for
// 100,000 rows: the zone's offset is looked up through Intl once per 15-minute slot and cached.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Every offset change of a modern time zone happens on a quarter hour (UTC), so a slot has one offset. */
const SLOT = 15 * MINUTE;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ZonedTime {
  readonly timeZone: string;
  /** The zone's offset from UTC at an instant, in milliseconds (+05:30 → 19,800,000). */
  offsetMs(epochMs: number): number;
  /** Days since 1970-01-01 of the local calendar date at an instant. */
  dayNumber(epochMs: number): number;
  /** The local calendar date at an instant, YYYY-MM-DD. */
  dayKey(epochMs: number): string;
  /** The local hour (0–23) at an instant. */
  hour(epochMs: number): number;
  /** ISO 8601 with the local offset and no milliseconds: 2026-11-01T14:03:07+05:30. */
  isoWithOffset(epochMs: number): string;
  /** The first instant of a local calendar day. */
  startOfDay(dayKey: string): number;
  /** The last millisecond of a local calendar day. */
  endOfDay(dayKey: string): number;
}

/** Throws a RangeError for a zone Intl does not know, so a bad setting fails loudly and early. */
export function createZonedTime(timeZone: string): ZonedTime {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsets = new Map<number, number>();

  function computeOffset(slotStart: number): number {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(slotStart)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const local = Date.UTC(
      fields.year ?? 1970,
      (fields.month ?? 1) - 1,
      fields.day ?? 1,
      fields.hour ?? 0,
      fields.minute ?? 0,
      fields.second ?? 0,
    );
    return local - slotStart;
  }

  function offsetMs(epochMs: number): number {
    const slot = Math.floor(epochMs / SLOT);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      offset = computeOffset(slot * SLOT);
      offsets.set(slot, offset);
    }
    return offset;
  }

  const dayNumber = (epochMs: number): number => Math.floor((epochMs + offsetMs(epochMs)) / DAY);

  function startOfDay(key: string): number {
    const target = dayKeyToNumber(key);
    const localMidnight = target * DAY;
    let t = localMidnight - offsetMs(localMidnight);
    t = localMidnight - offsetMs(t);
    // Where a clock change skips midnight the day starts at the change; where it repeats, at the first one.
    for (let guard = 0; guard < 16 && dayNumber(t) < target; guard++) t += SLOT;
    for (let guard = 0; guard < 16 && dayNumber(t - SLOT) === target; guard++) t -= SLOT;
    return t;
  }

  return {
    timeZone,
    offsetMs,
    dayNumber,
    dayKey: (epochMs) => dayNumberToKey(dayNumber(epochMs)),
    hour: (epochMs) => Math.floor(mod(epochMs + offsetMs(epochMs), DAY) / HOUR),
    isoWithOffset(epochMs) {
      const offset = offsetMs(epochMs);
      const local = new Date(epochMs + offset).toISOString().slice(0, 19);
      const sign = offset < 0 ? '-' : '+';
      const minutes = Math.abs(Math.round(offset / MINUTE));
      return `${local}${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
    },
    startOfDay,
    endOfDay: (key) => startOfDay(addDays(key, 1)) - 1,
  };
}

/** Local hours of one calendar day, for many instants in a row (see `createDayClock`). */
export interface DayClock {
  /** The local hour (0–23) of an instant on the day; -1 for an instant on any other day. */
  hourOnDay(epochMs: number): number;
  /** The local hour (0–23) of any instant, as `ZonedTime.hour`. */
  hour(epochMs: number): number;
}

/**
 * `zoned.dayNumber` and `zoned.hour` for instants around one day without a Map look-up or a string per
 * call: the offsets of the 15-minute slots from two days before to two days after are kept in an array,
 * each read once from `zoned`, so the answers are `zoned`'s exactly, across clock changes too (a 23- or
 * 25-hour day, a 30-minute change). Instants outside that window ask `zoned` itself. A `day` that is not
 * a real date matches no instant, as no instant's dayKey equals it.
 */
export function createDayClock(zoned: ZonedTime, day: string): DayClock {
  const target = isDayKey(day) ? dayKeyToNumber(day) : Number.NaN;
  const dayStart = Number.isNaN(target) ? 0 : target * DAY;
  // Slot-aligned (days are whole slots), so slot i of the window is zoned's slot floor(t / SLOT). An
  // invalid day gets an empty window: every instant then asks `zoned`, and none matches.
  const windowStart = Number.isNaN(target) ? Number.POSITIVE_INFINITY : dayStart - 2 * DAY;
  const windowEnd = dayStart + 3 * DAY;
  const offsets = new Float64Array((3 * DAY + 2 * DAY) / SLOT).fill(Number.NaN);

  /** The zone's offset at an instant inside the window (NaN, written `x !== x` below, is "not read yet"). */
  function offsetInWindow(epochMs: number): number {
    // Non-negative and small, so `| 0` floors; written for speed: this runs once per row.
    const slot = ((epochMs - windowStart) / SLOT) | 0;
    let offset = offsets[slot] as number;
    if (offset !== offset) {
      offset = zoned.offsetMs(epochMs);
      offsets[slot] = offset;
    }
    return offset;
  }

  return {
    hourOnDay(epochMs) {
      if (epochMs >= windowStart && epochMs < windowEnd) {
        const sinceMidnight = epochMs + offsetInWindow(epochMs) - dayStart;
        return sinceMidnight >= 0 && sinceMidnight < DAY ? (sinceMidnight / HOUR) | 0 : -1;
      }
      // Far from the day, a day that is not a date, or an invalid time (zoned throws, as dayKey does).
      return zoned.dayNumber(epochMs) === target ? zoned.hour(epochMs) : -1;
    },
    hour(epochMs) {
      if (epochMs >= windowStart && epochMs < windowEnd)
        return Math.floor(mod(epochMs + offsetInWindow(epochMs), DAY) / HOUR);
      return zoned.hour(epochMs);
    },
  };
}

/** The time zone this process runs in, as Intl reports it (falls back to UTC). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isDayKey(value: string): boolean {
  const m = DAY_KEY.exec(value);
  if (!m) return false;
  return dayNumberToKey(dayKeyToNumber(value)) === value;
}

export function dayKeyToNumber(key: string): number {
  const m = DAY_KEY.exec(key);
  if (!m) throw new RangeError(`"${key}" is not a day (YYYY-MM-DD)`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
}

export function dayNumberToKey(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

/** The calendar day `days` after (or before, when negative) a day. */
export function addDays(key: string, days: number): string {
  return dayNumberToKey(dayKeyToNumber(key) + days);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
