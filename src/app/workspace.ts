import type { ComponentType } from 'react';

/** A key that does something; shown in the shortcuts dialog and on the control it stands for. */
export interface Shortcut {
  /** `KeyboardEvent.key`; letters match either case. */
  key: string;
  /** Ctrl (⌘ on a Mac) held. Shortcuts without it are single-key and can be switched off. */
  mod?: boolean;
  shift?: boolean;
  /** What it does, for the dialog: "Play or pause the timeline". */
  label: string;
  run(): void;
}

/**
 * One view of the app the user switches between. The registry (`workspaces.ts`) lists them in
 * tab order; adding a view is adding an entry there.
 */
export interface Workspace {
  /** The hash route (`#/<id>`); lowercase letters and dashes, never changed once shared. */
  id: string;
  /** The tab's text. */
  title: string;
  /** A digit that opens it (single-key shortcut, only while not typing). */
  shortcut: string;
  /** Panels in the side column. None: the centre takes the full width. */
  side?: ComponentType;
  /** The workspace's own centre content (a Gantt, a dispatch list), above the twin when both show. */
  main?: ComponentType;
  /**
   * The 3D twin with its toolbar, legend and timeline: `full` fills the centre, `split` shares it
   * with `main` (below it), `none` hides it (it stays alive, so the camera is kept).
   */
  twin: 'full' | 'split' | 'none';
  /** Layout editing (the Edit layout button, its toolbar, dragging equipment) is offered here. */
  editsLayout?: boolean;
  /** Keys that act only while this workspace is on screen. */
  shortcuts?: readonly Shortcut[];
}
