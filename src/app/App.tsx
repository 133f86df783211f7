import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { DraftNote } from '../ui/DraftNote.tsx';
import { EditToolbar } from '../ui/EditToolbar.tsx';
import { ProblemsPanel } from '../ui/ProblemsPanel.tsx';
import { SceneToolbar } from '../ui/SceneToolbar.tsx';
import { ShortcutsDialog, type ShortcutGroup } from '../ui/ShortcutsDialog.tsx';
import { StateLegend } from '../ui/StateLegend.tsx';
import { Timeline } from '../ui/Timeline.tsx';
import { TopBar } from '../ui/TopBar.tsx';
import { TwinView } from '../ui/TwinView.tsx';
import { WarningsPanel } from '../ui/WarningsPanel.tsx';
import { WorkspaceTabs } from '../ui/WorkspaceTabs.tsx';
import { bundledSamples } from '../state/bundledSamples.ts';
import { navigation, useNavigation } from '../state/navigation.ts';
import { openAnyFiles } from '../state/replayStore.ts';
import { useTwin } from '../state/twinStore.ts';
import { globalShortcuts, workspaceShortcuts } from './appShortcuts.ts';
import { routeHash } from './route.ts';
import { listenForShortcuts, shortcutSettings } from './shortcuts.ts';
import { exposeTwinProbe } from './twinProbe.ts';
import { useFileDrop } from './useFileDrop.ts';
import type { Shortcut } from './workspace.ts';
import { workspaces } from './workspaces.ts';

const PANEL_ID = 'workspace-panel';

const keysOf = (s: Shortcut) => `${s.mod ? 'Ctrl+' : ''}${s.shift && /^[a-z0-9]$/i.test(s.key) ? 'Shift+' : ''}${s.key === ' ' ? 'Space' : s.key.toUpperCase()}`;

/**
 * The shell: top bar, workspace tabs, and the workspace on screen — its panels beside the 3D
 * twin and timeline, which stay mounted across workspaces (hidden where a workspace has no use
 * for them) so the camera and the WebGL context survive a switch.
 */
export function App() {
  const openDropped = useCallback((files: File[]) => { void openAnyFiles(files); }, []);
  const dragging = useFileDrop(openDropped);
  const current = useNavigation((s) => s.workspace);
  const workspace = workspaces.find((w) => w.id === current) ?? workspaces[0]!;
  const plantFile = useTwin((s) => s.plant?.scenarioFile ?? s.plant?.layoutFile);
  const [helpOpen, setHelpOpen] = useState(false);
  const singleKeys = useStore(shortcutSettings, (s) => s.singleKeys);
  const main = useRef<HTMLElement>(null);

  // Each tab links to its workspace with the plant on screen, when a link can name it.
  const plant = plantFile !== undefined && bundledSamples.has(plantFile) ? plantFile : undefined;
  const tabs = useMemo(() => workspaces.map((w) => ({
    id: w.id, title: w.title, shortcut: w.shortcut, href: routeHash({ workspace: w.id, ...(plant ? { plant } : {}) }),
  })), [plant]);

  const showHelp = useCallback(() => setHelpOpen(true), []);
  const inForce = useCallback((): Shortcut[] => {
    const here = workspaces.find((w) => w.id === navigation.getState().workspace);
    return [...workspaceShortcuts(workspaces), ...globalShortcuts(showHelp), ...(here?.shortcuts ?? [])];
  }, [showHelp]);
  useEffect(() => listenForShortcuts(inForce), [inForce]);

  const groups: ShortcutGroup[] = [
    { title: 'Workspaces', rows: workspaceShortcuts(workspaces).map((s) => ({ keys: keysOf(s), label: s.label })) },
    { title: 'Everywhere', rows: globalShortcuts(showHelp).map((s) => ({ keys: keysOf(s), label: s.label })) },
    ...(workspace.shortcuts?.length ? [{ title: workspace.title, rows: workspace.shortcuts.map((s) => ({ keys: keysOf(s), label: s.label })) }] : []),
    ...(workspace.editsLayout ? [{ title: 'Layout editing', rows: [
      { keys: 'Ctrl+Z', label: 'Undo' }, { keys: 'Ctrl+Shift+Z', label: 'Redo' }, { keys: 'R', label: 'Turn the selected equipment 90°' }, { keys: 'Delete', label: 'Delete the selected equipment' },
    ] }] : []),
  ];

  const Side = workspace.side;
  const Main = workspace.main;
  return (
    <div className="app">
      <a className="skip-link" href="#workspace-main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to the workspace</a>
      <TopBar onShowShortcuts={showHelp} />
      <WorkspaceTabs tabs={tabs} current={workspace.id} panelId={PANEL_ID} onChoose={(id) => navigation.getState().go(id)} />
      <main ref={main} id="workspace-main" tabIndex={-1} className="workspace" data-workspace={workspace.id} aria-label={workspace.title}>
        <div role="tabpanel" id={PANEL_ID} aria-labelledby={`tab-${workspace.id}`} className={`workspace-panel${Side ? '' : ' no-side'}`}>
          {Side && (
            <section className="sidebar" aria-label={`${workspace.title} panels`} data-testid="workspace-side">
              <Side />
            </section>
          )}
          <div className="centre">
            <ProblemsPanel />
            <WarningsPanel />
            <DraftNote />
            {Main && <div className={`workspace-main twin-${workspace.twin}`} data-testid="workspace-main"><Main /></div>}
            <section className="stage" hidden={workspace.twin === 'none'} aria-label="3D twin and timeline">
              <SceneToolbar editable={workspace.editsLayout === true} />
              {workspace.editsLayout && <EditToolbar />}
              <div className="scene-area">
                <TwinView editable={workspace.editsLayout === true} onCreated={exposeTwinProbe} />
                <StateLegend />
              </div>
              <Timeline />
            </section>
          </div>
        </div>
      </main>
      <ShortcutsDialog open={helpOpen} groups={groups} singleKeys={singleKeys} onSingleKeys={(on) => shortcutSettings.getState().setSingleKeys(on)} onClose={() => setHelpOpen(false)} />
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop a layout or a scenario (with its layout) to open it, or a recording to replay it</div>}
    </div>
  );
}
