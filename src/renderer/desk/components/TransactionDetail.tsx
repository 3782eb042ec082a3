// One transaction in full: the merged row, the terminal's sale record and its journal timeline
// (from main's sales.get), and in plain words where the record lives and what differs.
import { useEffect, useState } from 'react';
import type { Sale, SaleTimelineEntry, TransactionRow } from '../../../shared/domain.ts';
import { Icon } from '../../components/Icon.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { messages } from '../../lib/messages.ts';
import { pos } from '../../lib/pos.ts';
import type { DeskFormatters } from '../lib/formatters.ts';
import { deskMessages } from '../messages.ts';
import { StatusCell } from './TransactionTable.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import './TransactionDetail.css';

const d = deskMessages.detail;
const none = deskMessages.common.none;

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; sale: Sale; timeline: SaleTimelineEntry[] };

export function TransactionDetail({ row, format }: { row: TransactionRow; format: DeskFormatters }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    if (!row.saleId) return;
    let live = true;
    pos()
      .sales.get({ saleId: row.saleId })
      .then(
        ({ sale, timeline }) => live && setLoaded({ state: 'ready', sale, timeline }),
        (error: unknown) => live && setLoaded({ state: 'error', message: errorMessage(error) }),
      );
    return () => {
      live = false;
    };
  }, [row.saleId]);

  const sale = loaded.state === 'ready' ? loaded.sale : null;
  const where = row.source === 'server' ? d.serverOnly : row.source === 'terminal' ? d.terminalOnly : d.both;

  return (
    <div className="detail">
      <p className={row.mismatch ? 'notice notice--warning' : 'notice detail__where'}>
        <Icon name={row.mismatch ? 'alert' : 'check-circle'} className="notice__icon" />
        <span>{where}</span>
      </p>

      <section aria-labelledby="detail-record">
        <h3 id="detail-record" className="detail__heading">
          {d.record}
        </h3>
        <dl className="details">
          <dt>{d.fields.time}</dt>
          <dd>{format.dateTime(row.time)}</dd>
          <dt>{d.fields.reference}</dt>
          <dd className="detail__mono">{row.reference}</dd>
          <dt>{d.fields.amount}</dt>
          <dd className="money">{format.money(row.amountMinor, row.currency)}</dd>
          <dt>{d.fields.status}</dt>
          <dd>
            <StatusCell row={row} />
          </dd>
          {row.serverStatus ? (
            <>
              <dt>{d.fields.serverStatus}</dt>
              <dd>{deskMessages.status[row.serverStatus]}</dd>
            </>
          ) : null}
          {row.terminalStatus ? (
            <>
              <dt>{d.fields.terminalStatus}</dt>
              <dd>{deskMessages.status[row.terminalStatus]}</dd>
            </>
          ) : null}
          <dt>{d.fields.method}</dt>
          <dd>{row.method || none}</dd>
          <dt>{d.fields.txnId}</dt>
          <dd className="detail__mono">{row.txnId ?? none}</dd>
          <dt>{d.fields.cashier}</dt>
          <dd>{row.cashier ?? none}</dd>
          {row.flags.length > 0 ? (
            <>
              <dt>{d.fields.flags}</dt>
              <dd>
                <ul className="detail__flags">
                  {row.flags.map((flag) => (
                    <li key={flag}>{deskMessages.flags[flag]}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {sale ? <SaleFields sale={sale} format={format} /> : null}
        </dl>
      </section>

      <section aria-labelledby="detail-timeline">
        <h3 id="detail-timeline" className="detail__heading">
          {d.timeline}
        </h3>
        {!row.saleId ? (
          <p className="muted">{d.noTimeline}</p>
        ) : loaded.state === 'loading' ? (
          <p className="muted" role="status">
            {d.loadingTimeline}
          </p>
        ) : loaded.state === 'error' ? (
          <ErrorNotice message={loaded.message} />
        ) : (
          <ol className="timeline">
            {loaded.timeline.map((entry, i) => (
              <li key={`${entry.at}-${i}`} className="timeline__entry">
                <time className="timeline__time" dateTime={entry.at}>
                  {format.dateTime(entry.at)}
                </time>
                <span className="timeline__status">{deskMessages.status[entry.status]}</span>
                {entry.note ? <span className="timeline__note">{entry.note}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function SaleFields({ sale, format }: { sale: Sale; format: DeskFormatters }) {
  return (
    <>
      {sale.note ? (
        <>
          <dt>{d.fields.note}</dt>
          <dd>{sale.note}</dd>
        </>
      ) : null}
      <dt>{d.fields.providerOrderId}</dt>
      <dd className="detail__mono">{sale.providerOrderId ?? none}</dd>
      <dt>{d.fields.providerPaymentId}</dt>
      <dd className="detail__mono">{sale.providerPaymentId ?? none}</dd>
      <dt>{d.fields.verifiedAt}</dt>
      <dd>{sale.verifiedAt ? format.dateTime(sale.verifiedAt) : none}</dd>
      <dt>{d.fields.updatedAt}</dt>
      <dd>{format.dateTime(sale.updatedAt)}</dd>
      {sale.error ? (
        <>
          <dt>{d.fields.error}</dt>
          <dd>{sale.error.message}</dd>
        </>
      ) : null}
      <dt>{d.fields.saleId}</dt>
      <dd className="detail__mono">{sale.id}</dd>
      {sale.demo ? (
        <>
          <dt>{d.fields.demo}</dt>
          <dd>{messages.header.demo}</dd>
        </>
      ) : null}
    </>
  );
}
