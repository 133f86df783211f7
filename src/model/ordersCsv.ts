import { Order } from './scenarioSchema.ts';

/** The documented column layout (docs/FORMATS.md "Orders as CSV"); `priority` may be left out. */
export const ORDER_COLUMNS = ['id', 'product', 'quantity', 'release', 'due', 'priority'] as const;
type Column = (typeof ORDER_COLUMNS)[number];

export type OrderRow = { id: string; product: string; quantity: number; release: string; due: string; priority: number };

/** A bad cell or row: where (line, and column when it is one cell), expected, found. */
export interface CsvProblem {
  line: number;
  column?: number;
  field?: string;
  expected: string;
  found: string;
}

/** Splits one CSV record (RFC 4180: quotes, doubled quotes, commas or semicolons inside quotes). */
function cells(line: string, separator: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === separator) { out.push(cur); cur = ''; }
    else cur += c;
  }
  if (quoted) return undefined;
  out.push(cur);
  return out.map((s) => s.trim());
}

/**
 * Reads orders from CSV as an ERP export gives them: a header naming the columns (any order,
 * case-insensitive; comma or semicolon), then one order per line. Every row is checked against
 * the scenario's Order schema, its products and the ids already there; all bad rows are reported
 * (line and column) and then nothing is imported — a half-imported order book is worse than none.
 */
export function parseOrdersCsv(text: string, products: ReadonlySet<string>, existingIds: ReadonlySet<string>): { ok: true; orders: OrderRow[] } | { ok: false; problems: CsvProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  const separator = headerLine.split(';').length > headerLine.split(',').length ? ';' : ',';
  const header = (cells(headerLine, separator) ?? []).map((h) => h.toLowerCase());
  const index = new Map<Column, number>();
  const problems: CsvProblem[] = [];
  for (const col of ORDER_COLUMNS) {
    const at = header.indexOf(col);
    if (at >= 0) index.set(col, at);
    else if (col !== 'priority') problems.push({ line: 1, expected: `a header with the column "${col}" (columns: ${ORDER_COLUMNS.join(', ')})`, found: headerLine === '' ? 'an empty first line' : `"${headerLine}"` });
  }
  header.forEach((h, i) => {
    if (!(ORDER_COLUMNS as readonly string[]).includes(h)) problems.push({ line: 1, column: i + 1, expected: `one of the columns ${ORDER_COLUMNS.join(', ')}`, found: `"${h}"` });
  });
  if (problems.length) return { ok: false, problems };

  const orders: OrderRow[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, k) => {
    const line = k + 2;
    if (raw.trim() === '') return;
    const row = cells(raw, separator);
    if (!row) {
      problems.push({ line, expected: 'a closing double quote', found: 'a quote left open' });
      return;
    }
    if (row.length !== header.length) {
      problems.push({ line, expected: `${header.length} cells, as the header has`, found: `${row.length}` });
      return;
    }
    const cell = (c: Column) => row[index.get(c) ?? -1];
    const bad = (c: Column, expected: string, found: string) => problems.push({ line, column: index.get(c)! + 1, field: c, expected, found });
    const candidate = {
      id: cell('id'), product: cell('product'), quantity: Number(cell('quantity')), release: cell('release'), due: cell('due'),
      priority: index.has('priority') && cell('priority') !== '' ? Number(cell('priority')) : 5,
    };
    const parsed = Order.safeParse(candidate);
    const before = problems.length;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as Column;
        const shown = cell(field) ?? '';
        bad(field, field === 'quantity' ? 'a whole number ≥ 1' : field === 'priority' ? 'a whole number from 1 to 10' : field === 'release' || field === 'due' ? 'an ISO 8601 date-time with offset, e.g. 2026-12-01T06:00:00Z' : issue.message, shown === '' ? 'nothing' : `"${shown}"`);
      }
    }
    if (candidate.product && !products.has(candidate.product)) bad('product', 'a product of this scenario', `"${candidate.product}"`);
    if (candidate.id && existingIds.has(candidate.id)) bad('id', 'an order id not in the scenario yet', `"${candidate.id}"`);
    const earlier = candidate.id ? seen.get(candidate.id) : undefined;
    if (earlier !== undefined) bad('id', 'an order id not used before in this file', `"${candidate.id}", also on line ${earlier}`);
    if (parsed.success && Date.parse(candidate.due ?? '') < Date.parse(candidate.release ?? '')) bad('due', 'a due date not before the release', `"${candidate.due}"`);
    if (candidate.id) seen.set(candidate.id, line);
    if (problems.length === before && parsed.success) orders.push(parsed.data as OrderRow);
  });
  return problems.length ? { ok: false, problems } : { ok: true, orders };
}

const quote = (v: string | number) => (typeof v === 'string' && /[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));

/** Orders as CSV in the documented layout; parseOrdersCsv reads it back unchanged. */
export function ordersToCsv(orders: readonly { id: string; product: string; quantity: number; release: string; due: string; priority?: number }[]): string {
  return [ORDER_COLUMNS.join(','), ...orders.map((o) => [o.id, o.product, o.quantity, o.release, o.due, o.priority ?? 5].map(quote).join(','))].join('\n') + '\n';
}

export function formatCsvProblem(file: string, p: CsvProblem): string {
  const where = p.column ? `line ${p.line} column ${p.column}${p.field ? ` (${p.field})` : ''}` : `line ${p.line}`;
  return `${file}: ${where}: expected ${p.expected}, found ${p.found}`;
}
