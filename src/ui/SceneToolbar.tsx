import { layoutEditor, useEditor, useTwin, useView, viewStore } from '../app/twinStore.ts';

/** Camera and mode controls above the 3D view. */
export function SceneToolbar() {
  const hasPlant = useTwin((s) => s.plant !== undefined);
  const topView = useView((s) => s.topView);
  const editing = useEditor((s) => s.editing);
  return (
    <div className="scene-toolbar" role="toolbar" aria-label="View">
      <button type="button" onClick={() => viewStore.getState().fitPlant()} disabled={!hasPlant} data-testid="fit-plant">Fit plant</button>
      <button type="button" aria-pressed={topView} onClick={() => viewStore.getState().toggleTopView()} disabled={!hasPlant} data-testid="top-view">Top view</button>
      <span className="toolbar-gap" />
      <button type="button" aria-pressed={editing} onClick={() => layoutEditor.getState().setEditing(!editing)} disabled={!hasPlant} data-testid="edit-layout">
        Edit layout
      </button>
    </div>
  );
}
