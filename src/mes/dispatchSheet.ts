import type { DispatchList } from '../model/scheduleSchema.ts';
import { escapeXml } from './xml.ts';

/** "2026-11-30T06:10:00+01:00" → "2026-11-30 06:10 +01:00": the plant's own clock, as planned. */
function shopTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return m ? `${m[1]} ${m[2]} ${m[3] === 'Z' ? 'UTC' : m[3]}` : iso;
}

const STYLE = `
body { font: 11pt/1.35 system-ui, sans-serif; margin: 1.5cm; color: #111; }
h1 { font-size: 16pt; margin: 0 0 .2cm; } h2 { font-size: 13pt; margin: .6cm 0 .2cm; }
.meta { color: #444; margin-bottom: .4cm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.done { width: 1.6cm; }
section { page-break-after: always; } section:last-child { page-break-after: auto; }
@media print { body { margin: 0; } }`;

/**
 * The printable dispatch sheet: one page per work centre with its jobs in order, planned times,
 * changeovers and a column to tick off, headed by the version, what it supersedes and who approved
 * it. A standalone HTML file (print it from a browser); every value is escaped.
 */
export function dispatchSheet(list: DispatchList, approval?: { approvedAt: string; reason: string }): string {
  const e = escapeXml;
  const head = [
    `version ${e(list.id)}`,
    list.supersedes ? `supersedes ${e(list.supersedes)}` : 'supersedes nothing',
    `schedule ${e(list.schedule)}`,
    list.approvedBy ? `approved by ${e(list.approvedBy)}${approval ? ` at ${e(shopTime(approval.approvedAt))}` : ''}` : 'NOT APPROVED',
  ].join(' · ');
  const sections = list.equipment.map((entry) => {
    const rows = [...entry.jobs].sort((a, b) => a.sequence - b.sequence).map((j) => {
      const c = j.changeover;
      const changeover = c ? `${c.from === null ? '—' : e(c.from)} → ${e(c.to)}, ${c.minutes} min` : '';
      return `<tr><td class="n">${j.sequence}</td><td>${e(j.order)}</td><td>${e(j.product)}</td><td>${e(j.operation)}</td><td class="n">${j.quantity}</td><td>${e(shopTime(j.plannedStart))}</td><td>${e(shopTime(j.plannedEnd))}</td><td>${changeover}</td><td class="done"></td></tr>`;
    }).join('\n');
    const body = entry.jobs.length > 0 ? rows : '<tr><td colspan="9">No jobs: this work centre runs nothing from this list.</td></tr>';
    return `<section>
<h1>Dispatch list · ${e(entry.equipment)}</h1>
<div class="meta">${head}${approval ? `<br>reason: ${e(approval.reason)}` : ''}</div>
<table>
<thead><tr><th>#</th><th>order</th><th>product</th><th>operation</th><th>qty</th><th>planned start</th><th>planned end</th><th>changeover before</th><th>done</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Dispatch list ${e(list.id)}</title><style>${STYLE}</style></head>
<body>
${sections}
</body>
</html>
`;
}
