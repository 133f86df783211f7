import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import type { Layout } from '../model/layoutSchema.ts';
import { toScene } from './floorCoordinates.ts';

type EdgeKind = Layout['paths']['edges'][number]['kind'];

function edgeGeometry(layout: Layout, kind: EdgeKind): BufferGeometry {
  const nodes = new Map(layout.paths.nodes.map((n) => [n.id, n.position]));
  const points: number[] = [];
  for (const edge of layout.paths.edges) {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (edge.kind !== kind || !from || !to) continue;
    points.push(...toScene(from.x, from.y, 0.02), ...toScene(to.x, to.y, 0.02));
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(points, 3));
  return geometry;
}

/** The transport graph on the floor: aisles light, conveyors dark. */
export function PathLines({ layout }: { layout: Layout }) {
  const aisles = useMemo(() => edgeGeometry(layout, 'aisle'), [layout]);
  const conveyors = useMemo(() => edgeGeometry(layout, 'conveyor'), [layout]);
  return (
    <group>
      <lineSegments geometry={aisles}>
        <lineBasicMaterial color="#7f8b97" />
      </lineSegments>
      <lineSegments geometry={conveyors}>
        <lineBasicMaterial color="#3f4850" />
      </lineSegments>
    </group>
  );
}
