import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoTime } from './iso-time.ts';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** ISO text for an instant written at a given offset (minutes east of UTC), with 0–9 fraction digits. */
const arbIsoText = fc
  .record({
    instant: fc.integer({ min: Date.parse('0000-01-02T00:00:00Z'), max: Date.parse('9999-12-30T00:00:00Z') }),
    offsetMinutes: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
    zulu: fc.boolean(),
    fraction: fc.stringMatching(/^[0-9]{0,9}$/),
  })
  .map(({ instant, offsetMinutes, zulu, fraction }) => {
    const offset = zulu ? 0 : offsetMinutes;
    const wall = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
    const abs = Math.abs(offset);
    const zone = zulu ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
    return `${wall}${fraction ? `.${fraction}` : ''}${zone}`;
  });

/** Valid-looking text with one character changed, or fields out of range: the edges Date.parse decides. */
const arbNearIsoText = fc.oneof(
  fc
    .tuple(arbIsoText, fc.nat(), fc.constantFrom('0', '9', 'x', ' ', 't', 'z', '-', '+', ':', '.', ''))
    .map(([text, at, c]) => text.slice(0, at % text.length) + c + text.slice((at % text.length) + 1)),
  fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
      zone: fc.constantFrom('Z', 'z', '+00:00', '-00:00', '+23:59', '-24:00', '+05:60', '+0530', '+05', ''),
    })
    .map(
      (f) =>
        `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}${f.zone}`,
    ),
);

describe('parseIsoTime', () => {
  it('reads times with an offset or Z to the same millisecond as Date.parse', () => {
    fc.assert(
      fc.property(arbIsoText, (text) => {
        expect(parseIsoTime(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date.parse on out-of-range fields and malformed text, NaN included', () => {
    fc.assert(
      fc.property(fc.oneof(arbNearIsoText, fc.string({ maxLength: 40 })), (text) => {
        expect(Object.is(parseIsoTime(text), Date.parse(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads runs of times sharing a date, valid or not, each as Date.parse does', () => {
    const arbRun = fc
      .tuple(
        fc.array(
          fc.constantFrom(
            '2026-11-20T',
            '2026-11-20x',
            '2026-11-20 ',
            '2026-11-21T',
            '2026-02-30T',
            '2026-13-01T',
            '0000-01-01T',
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.oneof(
              fc.stringMatching(
                /^([01][0-9]|2[0-5]):[0-6][0-9]:[0-6][0-9](\.[0-9]{1,4})?(Z|[+-][0-2][0-9]:[0-5][0-9])$/,
              ),
              fc.string({ maxLength: 12 }),
            ),
          ),
          { maxLength: 30 },
        ),
      )
      .map(([dates, times]) => times.map(([k, time]) => `${dates[k % dates.length] ?? ''}${time}`));
    fc.assert(
      fc.property(arbRun, (texts) => {
        for (const text of texts) expect(Object.is(parseIsoTime(text), Date.parse(text)), text).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('truncates a long fraction to milliseconds and rolls a day past the month end over, as V8 does', () => {
    expect(parseIsoTime('2026-11-20T18:00:00.9999999Z')).toBe(Date.parse('2026-11-20T18:00:00.999Z'));
    expect(parseIsoTime('2026-02-30T00:00:00+05:30')).toBe(Date.parse('2026-03-02T00:00:00+05:30'));
    expect(parseIsoTime('2026-11-01T01:45:07+05:30')).toBe(Date.parse('2026-10-31T20:15:07Z'));
  });
});
