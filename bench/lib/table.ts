// The one Markdown table `npm run bench` prints: each figure, its floor or peer, the ratio and the target.
import type { FigureRow } from './figure.ts';

/** Three significant figures at most, no exponent: 0.123, 1.23, 12.3, 123, 1234. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  const digits = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

const withUnit = (value: number, unit: string): string => `${formatNumber(value)} ${unit}`.trim();

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function renderTable(rows: readonly FigureRow[]): string {
  const head = [
    '#',
    'Figure',
    'Median',
    'p95',
    'Floor / peer (same run)',
    'Its median',
    'Its p95',
    'Ratio',
    'Target',
    'Met',
    'Notes',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const row of rows) {
    const ours = row.ours;
    const ref = row.reference;
    const values = ours
      ? [withUnit(ours.median, row.unit), withUnit(ours.p95, row.unit)]
      : [`not measured: ${row.notMeasured ?? 'no reason given'}`, ''];
    const reference = ref
      ? [ref.label, withUnit(ref.summary.median, row.unit), withUnit(ref.summary.p95, row.unit)]
      : ['—', '', ''];
    const ratio = row.ratio === undefined ? '—' : `${formatNumber(row.ratio)}×`;
    const met = row.met === undefined ? '—' : row.met ? 'yes' : 'no';
    const n = ours ? `n=${ours.n}` : '';
    const note = [n, row.note ?? ''].filter(Boolean).join('; ');
    lines.push(
      `| ${[row.id, row.name, ...values, ...reference, ratio, row.target ?? '—', met, note].map(cell).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
