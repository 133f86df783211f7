import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import type { Layout } from '../model/layoutSchema.ts';
import { toScene } from './floorCoordinates.ts';

/** `from→to` of an edge, as the flagged set names them. */
export const edgeKey = (from: string, to: string): string => `${from}\u0000${to}`;

function edgeGeometry(layout: Layout, keep: (edge: Layout['paths']['edges'][number]) => boolean): BufferGeometry {
  const nodes = new Map(layout.paths.nodes.map((n) => [n.id, n.position]));
  const points: number[] = [];
  for (const edge of layout.paths.edges) {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (!keep(edge) || !from || !to) continue;
    points.push(...toScene(from.x, from.y, 0.02), ...toScene(to.x, to.y, 0.02));
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(points, 3));
  return geometry;
}

/** The transport graph on the floor: aisles light, conveyors dark, edges `flagged` (through a machine) red. */
export function PathLines({ layout, flagged }: { layout: Layout; flagged?: ReadonlySet<string> }) {
  const { aisles, conveyors, crossing } = useMemo(() => {
    const isFlagged = (e: { from: string; to: string }) => flagged?.has(edgeKey(e.from, e.to)) === true;
    return {
      aisles: edgeGeometry(layout, (e) => e.kind === 'aisle' && !isFlagged(e)),
      conveyors: edgeGeometry(layout, (e) => e.kind === 'conveyor' && !isFlagged(e)),
      crossing: edgeGeometry(layout, isFlagged),
    };
  }, [layout, flagged]);
  return (
    <group>
      <lineSegments geometry={crossing}>
        <lineBasicMaterial color="#b3261e" />
      </lineSegments>
      <lineSegments geometry={aisles}>
        <lineBasicMaterial color="#7f8b97" />
      </lineSegments>
      <lineSegments geometry={conveyors}>
        <lineBasicMaterial color="#3f4850" />
      </lineSegments>
    </group>
  );
}
