// The head row of the day's small tables (by method, by cashier, by hour): what each row names, then its
// gross and its count, right-aligned as numbers.
import { deskMessages } from '../messages.ts';

const d = deskMessages.day;

export function GrossCountHead({ name }: { name: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{name}</th>
        <th scope="col" className="plain-table__number">
          {d.gross}
        </th>
        <th scope="col" className="plain-table__number">
          {d.count}
        </th>
      </tr>
    </thead>
  );
}
