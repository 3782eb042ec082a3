// The sales behind a list of internal ids (a Z report's unresolved sales, reconcile issues), looked up
// for display only: a stored report keeps its ids, and an id whose sale cannot be read stays as it is.
import { useEffect, useState } from 'react';
import type { Sale } from '../../../shared/domain.ts';
import { pos } from '../../lib/pos.ts';

export function useSalesById(ids: readonly string[]): ReadonlyMap<string, Sale> {
  const [sales, setSales] = useState<ReadonlyMap<string, Sale>>(new Map());
  const key = ids.join('\n');
  useEffect(() => {
    if (key === '') return;
    let live = true;
    const wanted = key.split('\n');
    void Promise.all(
      wanted.map((saleId) =>
        pos()
          .sales.get({ saleId })
          .then(
            ({ sale }) => sale,
            () => null,
          ),
      ),
    ).then((found) => {
      if (!live) return;
      const byId = new Map<string, Sale>();
      for (const sale of found) if (sale) byId.set(sale.id, sale);
      setSales(byId);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return sales;
}
