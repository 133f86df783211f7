import { useMemo, useState } from 'react';
import { formatCsvProblem, ordersToCsv, parseOrdersCsv, type CsvProblem } from '../../model/ordersCsv.ts';
import type { ScenarioInput } from '../../model/scenarioSchema.ts';
import { readFiles } from '../../state/readFiles.ts';

type Order = NonNullable<ScenarioInput['orders']>[number];
type Key = 'id' | 'product' | 'quantity' | 'release' | 'due' | 'priority';

/** The order book: edit, add, delete, sort, filter; CSV in and out in the documented layout. */
export function OrdersTable({ draft, edit }: { draft: ScenarioInput; edit(change: (d: ScenarioInput) => ScenarioInput): void }) {
  const orders = useMemo(() => draft.orders ?? [], [draft.orders]);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: Key; up: boolean }>({ key: 'due', up: true });
  const [csv, setCsv] = useState<{ file: string; problems: CsvProblem[] } | undefined>();
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const indexed = orders.map((o, i) => ({ o, i })).filter(({ o }) => !f || `${o.id} ${o.product}`.toLowerCase().includes(f));
    const get = (o: Order) => o[sort.key] ?? 5;
    return indexed.sort((a, b) => (get(a.o) < get(b.o) ? -1 : get(a.o) > get(b.o) ? 1 : 0) * (sort.up ? 1 : -1));
  }, [orders, filter, sort]);
  const set = (i: number, key: Key, value: string | number) => edit((d) => ({ ...d, orders: d.orders!.map((o, k) => (k === i ? { ...o, [key]: value } : o)) }));
  const header = (key: Key, label: string) => (
    <th><button type="button" className="link" onClick={() => setSort({ key, up: sort.key === key ? !sort.up : true })}>{label}{sort.key === key ? (sort.up ? ' ▲' : ' ▼') : ''}</button></th>
  );
  const importCsv = async (list: FileList | null) => {
    const [file] = list ? await readFiles(list) : [];
    if (!file) return;
    const read = parseOrdersCsv(file.text, new Set(draft.products.map((p) => p.id)), new Set(orders.map((o) => o.id)));
    if (!read.ok) {
      setCsv({ file: file.name, problems: read.problems });
      return;
    }
    setCsv(undefined);
    edit((d) => ({ ...d, orders: [...(d.orders ?? []), ...read.orders] }));
  };
  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([ordersToCsv(orders)], { type: 'text/csv' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `${draft.id}-orders.csv` });
    a.click();
    URL.revokeObjectURL(url);
  };
  const add = () => edit((d) => {
    const last = d.orders?.at(-1);
    let n = (d.orders?.length ?? 0) + 1;
    while (d.orders?.some((o) => o.id === `NEW-${n}`)) n++;
    return { ...d, orders: [...(d.orders ?? []), { id: `NEW-${n}`, product: d.products[0]!.id, quantity: 1, release: last?.release ?? d.start, due: last?.due ?? d.start, priority: 5 }] };
  });
  return (
    <div data-testid="orders-editor">
      <div className="live-actions">
        <input type="search" placeholder="Filter by order or product" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter orders" data-testid="orders-filter" />
        <button type="button" onClick={add} data-testid="order-add">Add order</button>
        <label className="file-button">Import CSV <input type="file" accept=".csv,text/csv" onChange={(e) => { void importCsv(e.target.files); e.target.value = ''; }} data-testid="orders-import" /></label>
        <button type="button" onClick={exportCsv}>Export CSV</button>
        <span className="experiment-note">{rows.length} of {orders.length} orders. CSV columns: id, product, quantity, release, due, priority (optional).</span>
      </div>
      {csv && (
        <div className="field-error" data-testid="orders-import-problems">
          <p>Nothing was imported from {csv.file}: fix these rows and import it again.</p>
          <ul>{csv.problems.map((p, i) => <li key={i}>{formatCsvProblem(csv.file, p)}</li>)}</ul>
        </div>
      )}
      <table className="experiment-table orders-table">
        <thead><tr>{header('id', 'Order')}{header('product', 'Product')}{header('quantity', 'Qty')}{header('release', 'Release')}{header('due', 'Due')}{header('priority', 'Prio')}<th /></tr></thead>
        <tbody>
          {rows.slice(0, 200).map(({ o, i }) => (
            <tr key={`${o.id}-${i}`} data-order={o.id}>
              <td>{o.id}</td>
              <td><select value={o.product} onChange={(e) => set(i, 'product', e.target.value)} aria-label={`Product of ${o.id}`}>{draft.products.map((p) => <option key={p.id}>{p.id}</option>)}</select></td>
              <td><input type="number" min={1} value={o.quantity} onChange={(e) => set(i, 'quantity', Number(e.target.value))} aria-label={`Quantity of ${o.id}`} style={{ width: 64 }} /></td>
              <td><input value={o.release} onChange={(e) => set(i, 'release', e.target.value)} aria-label={`Release of ${o.id}`} style={{ width: 170 }} /></td>
              <td><input value={o.due} onChange={(e) => set(i, 'due', e.target.value)} aria-label={`Due of ${o.id}`} style={{ width: 170 }} /></td>
              <td><input type="number" min={1} max={10} value={o.priority ?? 5} onChange={(e) => set(i, 'priority', Number(e.target.value))} aria-label={`Priority of ${o.id}`} style={{ width: 44 }} /></td>
              <td><button type="button" onClick={() => edit((d) => ({ ...d, orders: d.orders!.filter((_, k) => k !== i) }))} aria-label={`Delete ${o.id}`}>✕</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 200 && <p className="experiment-note">Showing the first 200; filter to find the others.</p>}
    </div>
  );
}
