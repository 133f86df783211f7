import type { DispatchList } from '../model/scheduleSchema.ts';
import { csvText } from './csv.ts';

export const DISPATCH_CSV_COLUMNS = [
  'version', 'supersedes', 'equipment', 'sequence', 'order', 'product', 'operation', 'quantity',
  'plannedStart', 'plannedEnd', 'changeoverFrom', 'changeoverTo', 'changeoverMinutes',
] as const;

/** The dispatch list as CSV: one row per job, equipment by equipment, in sequence order. */
export function dispatchCsv(list: DispatchList): string {
  const rows: (string | number | null)[][] = [[...DISPATCH_CSV_COLUMNS]];
  for (const entry of list.equipment) {
    for (const job of [...entry.jobs].sort((a, b) => a.sequence - b.sequence)) {
      rows.push([
        list.id, list.supersedes, entry.equipment, job.sequence, job.order, job.product, job.operation, job.quantity,
        job.plannedStart, job.plannedEnd, job.changeover?.from ?? null, job.changeover?.to ?? null, job.changeover?.minutes ?? null,
      ]);
    }
  }
  return csvText(rows);
}
