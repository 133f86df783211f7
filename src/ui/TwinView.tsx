import type { RootState } from '@react-three/fiber';
import { useMemo } from 'react';
import { layoutEditor, playback, twinStore, useEditor, useTwin, useView } from '../state/twinStore.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { edgeKey } from '../twin/PathLines.tsx';
import { PlantScene, type EquipmentDragHandlers } from '../twin/PlantScene.tsx';
import { LiveOutage } from './LiveOutage.tsx';
import { SourceBadge } from './SourceBadge.tsx';
import { TWIN_TABLE_ID, TwinStateTable } from './TwinStateTable.tsx';
import './twinOverlays.css';

const select = (id: string) => twinStore.getState().select(id);
// Equipment dragged past the floor's edge stops there (and the edit panel says so while it is held).
const dragging: EquipmentDragHandlers = {
  drag: (id, x, y) => layoutEditor.getState().preview({ kind: 'move', id, ...layoutEditor.getState().dragTarget(id, x, y) }),
  drop: (id, x, y) => layoutEditor.getState().commit({ kind: 'move', id, ...layoutEditor.getState().dragTarget(id, x, y) }),
};

/**
 * The 3D twin over the app's stores: the plant on screen, its selection, the camera requests and
 * the one playback clock. `editable` lets equipment be dragged while the layout editor is on.
 */
export function TwinView({ editable, onCreated }: { editable: boolean; onCreated?: (state: RootState) => void }) {
  const layout = useTwin((s) => s.plant?.layout);
  const plantKey = useTwin((s) => (s.plant ? `${s.plant.layoutFile}#${s.plant.scenarioFile ?? ''}` : ''));
  const selected = useTwin((s) => s.selected);
  const editing = useEditor((s) => s.editing);
  const focus = useView((s) => s.focus);
  const request = useView((s) => s.request);
  const topView = useView((s) => s.topView);
  const camera = useMemo(() => ({ focus, request, topView }), [focus, request, topView]);
  const original = useEditor((s) => (editing && selected !== undefined && s.original ? allEquipment(s.original).find((e) => e.id === selected) : undefined));
  const now = layout && selected !== undefined ? allEquipment(layout).find((e) => e.id === selected) : undefined;
  const distance = original && now ? Math.hypot(now.position.x - original.position.x, now.position.y - original.position.y) : 0;
  const crossings = useEditor((s) => s.crossings);
  const flaggedPaths = useMemo(() => new Set(crossings.map((c) => edgeKey(c.from, c.to))), [crossings]);
  const ghost = useMemo(() => (original && distance > 0 ? { original, distance } : undefined), [original, distance]);
  return (
    // Focusable, so keyboard users can move the selected equipment with the arrow keys while editing.
    <div className="twin-view" role="group" tabIndex={0} data-testid="twin-view"
      aria-label={editable && editing ? '3D view of the plant: arrow keys move the selected equipment (Shift: 5 m)' : '3D view of the plant'}
      aria-describedby={TWIN_TABLE_ID}>
      <PlantScene
      layout={layout}
      plantKey={plantKey}
      selected={selected}
      onSelect={select}
      camera={camera}
      clock={playback}
      editing={editable && editing ? dragging : undefined}
      ghost={editable ? ghost : undefined}
      flaggedPaths={editable && editing ? flaggedPaths : undefined}
      onCreated={onCreated}
      />
      <SourceBadge />
      <LiveOutage />
      <TwinStateTable />
    </div>
  );
}
