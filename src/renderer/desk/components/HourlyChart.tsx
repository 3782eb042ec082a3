// The day's paid sales per hour as a hand-drawn SVG bar chart (no chart library in the bundle),
// named and described for screen readers, with the same numbers as a table one click away.
import { useId } from 'react';
import type { CurrencyTotals } from '../../../shared/domain.ts';
import type { DeskFormatters } from '../lib/formatters.ts';
import { deskMessages } from '../messages.ts';
import { GrossCountHead } from './GrossCountHead.tsx';
import './HourlyChart.css';

const d = deskMessages.day;
// Drawing units of the viewBox; the SVG scales to its box, so these are proportions, not screen sizes.
const WIDTH = 720;
const HEIGHT = 180;
const TOP = 8;
const BAR_GAP = 4;

export function HourlyChart({ totals, format }: { totals: CurrencyTotals; format: DeskFormatters }) {
  const titleId = useId();
  const descId = useId();
  const max = totals.hourly.reduce((m, h) => Math.max(m, h.grossMinor), 0);
  const busiest = totals.hourly.reduce(
    (best, h) => (h.grossMinor > best.grossMinor ? h : best),
    totals.hourly[0] ?? { hour: 0, grossMinor: 0, count: 0 },
  );
  const slot = WIDTH / 24;
  const plotHeight = HEIGHT - TOP;

  return (
    <figure className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="none"
      >
        <title id={titleId}>{d.chartTitle(totals.currency)}</title>
        <desc id={descId}>
          {max === 0
            ? d.chartNone
            : d.chartDesc(
                `${format.hour(busiest.hour)}, ${format.money(busiest.grossMinor, totals.currency)}`,
              )}
        </desc>
        <line className="chart__axis" x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
        {totals.hourly.map((h) => {
          // Bar heights are proportions on screen, not money: float division is fine here.
          const height =
            max === 0 ? 0 : Math.max(h.grossMinor > 0 ? 2 : 0, (h.grossMinor / max) * plotHeight);
          return (
            <g key={h.hour}>
              <rect
                className="chart__bar"
                x={h.hour * slot + BAR_GAP / 2}
                y={HEIGHT - height}
                width={slot - BAR_GAP}
                height={height}
              >
                <title>{`${format.hour(h.hour)}: ${format.money(h.grossMinor, totals.currency)} (${h.count})`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      {/* Hour labels in HTML: the SVG stretches to its box, which would stretch text drawn inside it. */}
      <div className="chart__hours" aria-hidden="true">
        {totals.hourly.map((h) => (
          <span key={h.hour}>{h.hour % 3 === 0 ? String(h.hour).padStart(2, '0') : ''}</span>
        ))}
      </div>
      <details className="chart__table">
        <summary>{d.showTable}</summary>
        <table className="plain-table">
          <caption className="visually-hidden">{d.chartTitle(totals.currency)}</caption>
          <GrossCountHead name={d.hour} />
          <tbody>
            {totals.hourly.map((h) => (
              <tr key={h.hour}>
                <th scope="row">{format.hour(h.hour)}</th>
                <td className="plain-table__number money">{format.money(h.grossMinor, totals.currency)}</td>
                <td className="plain-table__number">{h.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
