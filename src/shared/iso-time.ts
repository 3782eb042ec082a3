// Reads ISO 8601 times with an offset (what rows and sales carry) to epoch milliseconds, exactly as
// Date.parse does, about ten times faster: Date.parse was most of a day summary over 100,000 rows.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * The last date part read ("YYYY-MM-DDT", or a text no time starts with) and its days since 1970-01-01:
 * a run of times on one day reads it once. Module state, but the answers do not depend on it.
 */
let lastDatePart = '\u0000';
let lastDays = 0;

/**
 * Date.parse for `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` done with arithmetic; any other text goes
 * to Date.parse itself, so the answer (NaN included) is always Date.parse's. As V8 does, a fraction
 * keeps its first three digits (truncated) and a day past the month's end rolls into the next month.
 */
export function parseIsoTime(text: string): number {
  // One function with the digits read inline, and the date part read once for a run of times on the
  // same day: this runs 100,000 times in a row, often before V8 has optimised it, where every call costs.
  const n = text.length;
  if (n < 20 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Date.parse(text);
  let days = lastDays;
  if (!text.startsWith(lastDatePart)) {
    days = daysOfDatePart(text);
    if (Number.isNaN(days)) return Date.parse(text);
    lastDatePart = text.slice(0, 11);
    lastDays = days;
  }
  const h0 = text.charCodeAt(11) - 48;
  const h1 = text.charCodeAt(12) - 48;
  const mi0 = text.charCodeAt(14) - 48;
  const mi1 = text.charCodeAt(15) - 48;
  const s0 = text.charCodeAt(17) - 48;
  const s1 = text.charCodeAt(18) - 48;
  // Each is 0–9 for a digit; `>>> 0` turns a negative one into a huge number, so one compare rejects both.
  if (h0 >>> 0 > 2 || h1 >>> 0 > 9 || mi0 >>> 0 > 5 || mi1 >>> 0 > 9 || s0 >>> 0 > 5 || s1 >>> 0 > 9)
    return Date.parse(text);
  const hour = h0 * 10 + h1;
  if (hour > 23) return Date.parse(text);

  let i = 19;
  let millis = 0;
  let c = text.charCodeAt(i);
  if (c === 46) {
    // Up to nine fraction digits; only the first three count.
    let count = 0;
    for (i += 1; i < n; i++) {
      c = text.charCodeAt(i) - 48;
      if (c >>> 0 > 9) break;
      if (count < 3) millis = millis * 10 + c;
      count += 1;
    }
    if (count === 0 || count > 9) return Date.parse(text);
    if (count === 1) millis *= 100;
    else if (count === 2) millis *= 10;
    c = text.charCodeAt(i);
  }

  // Z, or ±HH:MM; anything else (±HHMM, ±HH, lowercase z) is left to Date.parse.
  let offset = 0;
  if ((c === 43 || c === 45) && i + 6 === n && text.charCodeAt(i + 3) === 58) {
    const oh0 = text.charCodeAt(i + 1) - 48;
    const oh1 = text.charCodeAt(i + 2) - 48;
    const om0 = text.charCodeAt(i + 4) - 48;
    const om1 = text.charCodeAt(i + 5) - 48;
    if (oh0 >>> 0 > 2 || oh1 >>> 0 > 9 || om0 >>> 0 > 5 || om1 >>> 0 > 9) return Date.parse(text);
    const offsetHours = oh0 * 10 + oh1;
    if (offsetHours > 23) return Date.parse(text);
    offset = (offsetHours * 60 + om0 * 10 + om1) * MINUTE;
    if (c === 45) offset = -offset;
  } else if (c !== 90 || i + 1 !== n) {
    return Date.parse(text);
  }

  return days * DAY + hour * HOUR + (mi0 * 10 + mi1) * MINUTE + (s0 * 10 + s1) * 1000 + millis - offset;
}

/**
 * Days since 1970-01-01 of "YYYY-MM-DDT…" (H. Hinnant's days_from_civil, for year >= 1 so `| 0` floors;
 * linear in the day, so a day past the month's end rolls over as in V8), or NaN for anything else.
 */
function daysOfDatePart(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return Number.NaN;
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const mo0 = text.charCodeAt(5) - 48;
  const mo1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    mo0 >>> 0 > 1 ||
    mo1 >>> 0 > 9 ||
    d0 >>> 0 > 3 ||
    d1 >>> 0 > 9
  )
    return Number.NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  // Year 0 is left to Date.parse: the arithmetic below is exact from year 1.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yoe = y - era * 400;
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  return era * 146_097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719_468;
}
