import type { RootState } from '@react-three/fiber';
import { useMemo } from 'react';
import { layoutEditor, playback, twinStore, useEditor, useTwin, useView } from '../state/twinStore.ts';
import { PlantScene, type EquipmentDragHandlers } from '../twin/PlantScene.tsx';

const select = (id: string) => twinStore.getState().select(id);
const dragging: EquipmentDragHandlers = {
  drag: (id, x, y) => layoutEditor.getState().preview({ kind: 'move', id, x, y }),
  drop: (id, x, y) => layoutEditor.getState().commit({ kind: 'move', id, x, y }),
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
  return (
    <PlantScene
      layout={layout}
      plantKey={plantKey}
      selected={selected}
      onSelect={select}
      camera={camera}
      clock={playback}
      editing={editable && editing ? dragging : undefined}
      onCreated={onCreated}
    />
  );
}
