import { navigation } from '../state/navigation.ts';
import { playbackStore, viewStore } from '../state/twinStore.ts';
import type { Shortcut, Workspace } from './workspace.ts';

/** A digit per workspace, as the registry gives them. */
export function workspaceShortcuts(list: readonly Workspace[]): Shortcut[] {
  return list.map((w) => ({ key: w.shortcut, label: `Go to ${w.title}`, run: () => navigation.getState().go(w.id) }));
}

/** Keys that act in every workspace. */
export function globalShortcuts(showHelp: () => void): Shortcut[] {
  return [
    { key: ' ', label: 'Play or pause the timeline', run: () => { const p = playbackStore.getState(); if (p.playing) p.pause(); else p.play(); } },
    { key: 'f', label: 'Fit the whole plant in the 3D view', run: () => viewStore.getState().fitPlant() },
    { key: 't', label: 'Top view on or off', run: () => viewStore.getState().toggleTopView() },
    { key: '?', label: 'Show these shortcuts', run: showHelp },
  ];
}
