import { layoutEditor, useEditor, useTwin, useView, viewStore } from '../state/twinStore.ts';

/** Camera and mode controls above the 3D view; `editable` offers layout editing. */
export function SceneToolbar({ editable }: { editable: boolean }) {
  const hasPlant = useTwin((s) => s.plant !== undefined);
  const topView = useView((s) => s.topView);
  const editing = useEditor((s) => s.editing);
  return (
    <div className="scene-toolbar" role="toolbar" aria-label="View">
      <button type="button" onClick={() => viewStore.getState().fitPlant()} disabled={!hasPlant} aria-keyshortcuts="F" title="Fit plant (F)" data-testid="fit-plant">Fit plant</button>
      <button type="button" aria-pressed={topView} onClick={() => viewStore.getState().toggleTopView()} disabled={!hasPlant} aria-keyshortcuts="T" title="Top view (T)" data-testid="top-view">Top view</button>
      <span className="toolbar-gap" />
      {editable && (
        <button type="button" aria-pressed={editing} onClick={() => layoutEditor.getState().setEditing(!editing)} disabled={!hasPlant} data-testid="edit-layout">
          Edit layout
        </button>
      )}
    </div>
  );
}
