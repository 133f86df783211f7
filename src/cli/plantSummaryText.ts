import type { EquipmentLoad } from '../model/workload.ts';
import type { LayoutSummary, PlantSummary, ScenarioSummary } from './plantSummary.ts';

const WIDTH = 100;

/** Joins items with `separator` into lines no wider than WIDTH, never breaking inside an item. */
function wrap(items: string[], separator: string, first: string, next = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const item of items) {
    if (!empty && line.length + separator.length + item.length > WIDTH) {
      lines.push(`${line}${separator}`.trimEnd());
      line = next + item;
    } else {
      line = empty ? line + item : line + separator + item;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function layoutText(s: LayoutSummary): string[] {
  const lineCount = s.areas.reduce((n, a) => n + a.lines.length, 0);
  return [
    `Layout ${s.id} — ${s.name} (${s.file})`,
    `Site ${s.site.id} — ${s.site.name}: ${plural(s.areas.length, 'area')}, ${plural(lineCount, 'line')}, ${s.equipmentCount} equipment`,
    ...s.areas.flatMap((area) => [
      `  Area ${area.id} — ${area.name}`,
      ...area.lines.flatMap((line) => [
        `    Line ${line.id} — ${line.name} (${line.equipment.length})`,
        ...wrap(line.equipment.map((e) => `${e.id} (${e.type})`), ', ', '      '),
      ]),
    ]),
    'Equipment by type:',
    ...s.byType.map(({ type, count }) => `  ${String(count).padStart(4)}  ${type}`),
    `Paths: ${plural(s.paths.nodes, 'node')}, ${plural(s.paths.edges, 'edge')} (${s.paths.conveyorEdges} conveyor), ${s.paths.length.toFixed(1)} m in total`,
  ];
}

function loadTable(loads: EquipmentLoad[]): string[] {
  const top = loads[0];
  // Equipment that shares the top load (identical parallel machines) shares the title.
  const isBottleneck = (l: EquipmentLoad): boolean =>
    top !== undefined && top.work > 0 && l.work > 0 && (l.load === top.load || Math.abs((l.load ?? 0) - (top.load ?? 0)) < 1e-9);
  const rows = loads.map((l) => [
    l.equipment,
    l.calendar,
    l.work.toFixed(1),
    l.capacity.toFixed(1),
    l.load === null ? (l.work > 0 ? 'no time' : '—') : `${(l.load * 100).toFixed(1)} %`,
    isBottleneck(l) ? '← bottleneck' : '',
  ]);
  const header = ['equipment', 'calendar', 'work min', 'capacity min', 'load', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const rightAligned = new Set([2, 3, 4]);
  const format = (r: string[]): string =>
    `  ${r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ')}`.trimEnd();
  return [format(header), ...rows.map(format)];
}

function scenarioText(s: ScenarioSummary): string[] {
  const o = s.orders;
  return [
    `Scenario ${s.id} — ${s.name} (${s.file})`,
    `  layout ${s.layoutFile}, start ${s.start}, horizon ${s.horizon} min (${(s.horizon / 1440).toFixed(1)} days)`,
    `Products: ${s.products.count} in ${s.products.families.length} ${s.products.families.length === 1 ? 'family' : 'families'}`,
    ...s.products.families.flatMap((f) => wrap(f.products, ', ', `  ${f.family}: `, '    ')),
    o.count === 0
      ? 'Orders: none'
      : `Orders: ${o.count}, ${o.quantity} units, released ${o.release?.first} … ${o.release?.last}, due ${o.due?.first} … ${o.due?.last}`,
    'Load over the horizon, bottleneck first:',
    ...loadTable(s.load.equipment),
    ...wrap(s.load.rule.split(' '), ' ', '  '),
  ];
}

export function plantSummaryText(summary: PlantSummary): string {
  const lines = summary.scenario ? [...scenarioText(summary.scenario), '', ...layoutText(summary.layout)] : layoutText(summary.layout);
  return lines.join('\n');
}
