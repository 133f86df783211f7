import type { Equipment, Layout } from '../layoutSchema.ts';
import { pathsFollow } from './pathFollow.ts';

type PathNode = Layout['paths']['nodes'][number];
type PathEdge = Layout['paths']['edges'][number];

/**
 * A change a layout engineer makes, as plain data: the editor's undo stack holds these, and
 * `applyEdit` is a pure function of a layout and an edit.
 */
export type LayoutEdit =
  | { kind: 'move'; id: string; x: number; y: number }
  | { kind: 'rotate'; id: string; rotation: number }
  | { kind: 'add'; cellId: string; equipment: Equipment; node: PathNode; edge: PathEdge | undefined }
  | { kind: 'delete'; id: string }
  | { kind: 'buffers'; id: string; inputBuffer: number | undefined; outputBuffer: number | undefined };

/** Applies `change` to the equipment with `id`, with its path nodes following; the same layout if there is none. */
function updateEquipment(layout: Layout, id: string, change: (e: Equipment) => Equipment): Layout {
  let before: Equipment | undefined;
  let after: Equipment | undefined;
  const areas = layout.site.areas.map((area) => ({
    ...area,
    lines: area.lines.map((line) => ({
      ...line,
      cells: line.cells.map((cell) => ({
        ...cell,
        equipment: cell.equipment.map((e) => {
          if (e.id !== id || before) return e;
          before = e;
          after = change(e);
          return after;
        }),
      })),
    })),
  }));
  if (!before || !after) return layout;
  return { ...layout, site: { ...layout.site, areas }, paths: pathsFollow(layout.paths, before, after) };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function addEquipment(layout: Layout, edit: Extract<LayoutEdit, { kind: 'add' }>): Layout {
  let added = false;
  const areas = layout.site.areas.map((area) => ({
    ...area,
    lines: area.lines.map((line) => ({
      ...line,
      cells: line.cells.map((cell) => {
        if (cell.id !== edit.cellId || added) return cell;
        added = true;
        return { ...cell, equipment: [...cell.equipment, edit.equipment] };
      }),
    })),
  }));
  if (!added) return layout;
  const edges = edit.edge ? [...layout.paths.edges, edit.edge] : layout.paths.edges;
  return { ...layout, site: { ...layout.site, areas }, paths: { nodes: [...layout.paths.nodes, edit.node], edges } };
}

/**
 * Removes equipment. A cell, line or area left empty goes too (the format has no empty levels);
 * the last equipment of a plant stays. Its path nodes stay as plain aisle junctions, because other
 * equipment may be reached through them.
 */
function deleteEquipment(layout: Layout, id: string): Layout {
  const count = layout.site.areas.reduce((n, a) => n + a.lines.reduce((m, l) => m + l.cells.reduce((k, c) => k + c.equipment.length, 0), 0), 0);
  const present = layout.site.areas.some((a) => a.lines.some((l) => l.cells.some((c) => c.equipment.some((e) => e.id === id))));
  if (!present || count <= 1) return layout;
  const areas = layout.site.areas
    .map((area) => ({
      ...area,
      lines: area.lines
        .map((line) => ({
          ...line,
          cells: line.cells.map((cell) => ({ ...cell, equipment: cell.equipment.filter((e) => e.id !== id) })).filter((c) => c.equipment.length > 0),
        }))
        .filter((l) => l.cells.length > 0),
    }))
    .filter((a) => a.lines.length > 0);
  const nodes = layout.paths.nodes.map((node) => {
    if (node.equipment !== id) return node;
    const { equipment: _released, ...junction } = node;
    return junction;
  });
  return { ...layout, site: { ...layout.site, areas }, paths: { ...layout.paths, nodes } };
}

export function applyEdit(layout: Layout, edit: LayoutEdit): Layout {
  switch (edit.kind) {
    case 'move':
      return updateEquipment(layout, edit.id, (e) => ({ ...e, position: { x: edit.x, y: edit.y } }));
    case 'rotate':
      return updateEquipment(layout, edit.id, (e) => ({ ...e, rotation: edit.rotation }));
    case 'buffers':
      return updateEquipment(layout, edit.id, (e) => withoutUndefined({ ...e, inputBuffer: edit.inputBuffer, outputBuffer: edit.outputBuffer }));
    case 'add':
      return addEquipment(layout, edit);
    case 'delete':
      return deleteEquipment(layout, edit.id);
  }
}
