import { describe, expect, it } from 'vitest';
import { formatCsvProblem, ordersToCsv, parseOrdersCsv } from '../../src/model/ordersCsv.ts';

const products = new Set(['P1', 'P2']);
const existing = new Set(['O-1']);

describe('orders as CSV', () => {
  it('reads an ERP export: any column order, semicolons, quotes, optional priority', () => {
    const text = 'Due;ID;Product;Quantity;Release\n2026-12-03T14:00:00Z;O-7;P1;40;2026-12-01T06:00:00Z\n"2026-12-04T14:00:00Z";"O-8";P2;5;2026-12-01T06:00:00+01:00\n';
    const read = parseOrdersCsv(text, products, existing);
    expect(read).toEqual({ ok: true, orders: [
      { id: 'O-7', product: 'P1', quantity: 40, release: '2026-12-01T06:00:00Z', due: '2026-12-03T14:00:00Z', priority: 5 },
      { id: 'O-8', product: 'P2', quantity: 5, release: '2026-12-01T06:00:00+01:00', due: '2026-12-04T14:00:00Z', priority: 5 },
    ] });
  });

  it('round-trips what it writes', () => {
    const orders = [{ id: 'A-1', product: 'P1', quantity: 3, release: '2026-12-01T06:00:00Z', due: '2026-12-02T06:00:00Z', priority: 7 }];
    expect(parseOrdersCsv(ordersToCsv(orders), products, existing)).toEqual({ ok: true, orders });
  });

  it('lists every bad row with line and column and imports nothing', () => {
    const text = [
      'id,product,quantity,release,due,priority',
      'O-2,P1,10,2026-12-01T06:00:00Z,2026-12-02T06:00:00Z,5',
      'O-3,P9,10,2026-12-01T06:00:00Z,2026-12-02T06:00:00Z,5',
      'O-4,P1,ten,2026-12-01 06:00,2026-12-02T06:00:00Z,5',
      'O-1,P2,1,2026-12-01T06:00:00Z,2026-12-02T06:00:00Z,11',
      'O-2,P2,1,2026-12-01T06:00:00Z,2026-12-02T06:00:00Z',
    ].join('\n');
    const read = parseOrdersCsv(text, products, existing);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => formatCsvProblem('orders.csv', p))).toEqual([
      'orders.csv: line 3 column 2 (product): expected a product of this scenario, found "P9"',
      'orders.csv: line 4 column 3 (quantity): expected a whole number ≥ 1, found "ten"',
      'orders.csv: line 4 column 4 (release): expected an ISO 8601 date-time with offset, e.g. 2026-12-01T06:00:00Z, found "2026-12-01 06:00"',
      'orders.csv: line 5 column 6 (priority): expected a whole number from 1 to 10, found "11"',
      'orders.csv: line 5 column 1 (id): expected an order id not in the scenario yet, found "O-1"',
      'orders.csv: line 6: expected 6 cells, as the header has, found 5',
    ]);
  });

  it('refuses a file without the required columns, naming them', () => {
    const read = parseOrdersCsv('order,qty\nX,1\n', products, existing);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.expected).join('\n')).toMatch(/column "id"[\s\S]*column "product"/);
  });
});
