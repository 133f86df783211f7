import { createStore } from 'zustand/vanilla';
import type { Shortcut } from './workspace.ts';

const STORAGE_KEY = 'plant-twin.single-key-shortcuts';

export interface ShortcutSettings {
  /**
   * Single-key shortcuts (no Ctrl) can be switched off — a speech-input user says words whose
   * letters would otherwise fire them (WCAG 2.1.4). Kept in this browser.
   */
  singleKeys: boolean;
  setSingleKeys(on: boolean): void;
}

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export const shortcutSettings = createStore<ShortcutSettings>()((set) => ({
  singleKeys: stored(),
  setSingleKeys(on) {
    try { globalThis.localStorage?.setItem(STORAGE_KEY, on ? 'on' : 'off'); } catch { /* private mode: the choice lasts the visit */ }
    set({ singleKeys: on });
  },
}));

/** Focus in a text field, list or editable element: its keys are the user's typing, not commands. */
export function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['SELECT', 'TEXTAREA'].includes(target.tagName)) return true;
  if (target.tagName !== 'INPUT') return false;
  // A range slider or a checkbox does not take letters; a text or number field does.
  return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file'].includes((target as HTMLInputElement).type);
}

/** Space and Enter act on a focused button or link themselves; a shortcut must not act twice. */
function activatesFocused(target: EventTarget | null, key: string): boolean {
  if (key !== ' ' && key !== 'Enter') return false;
  return target instanceof HTMLElement && target.closest('button, a[href], input, select, textarea, [role="tab"], summary') !== null;
}

/** The shortcut a key press stands for, if any. */
export function matchShortcut(shortcuts: readonly Shortcut[], e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, singleKeys: boolean): Shortcut | undefined {
  if (e.altKey) return undefined;
  const mod = e.ctrlKey || e.metaKey;
  if (!mod && !singleKeys) return undefined;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return shortcuts.find((s) => {
    const wanted = s.key.length === 1 ? s.key.toLowerCase() : s.key;
    if (wanted !== key || Boolean(s.mod) !== mod) return false;
    // "?" is Shift+/ on most layouts: for a symbol the character itself is the key and Shift is
    // implied; for a letter or digit Shift is part of the shortcut (Caps Lock is not).
    return !/^[a-z0-9]$/i.test(s.key) || Boolean(s.shift) === e.shiftKey;
  });
}

/** Listens on the window; `current()` gives the shortcuts in force now (global + the workspace's). */
export function listenForShortcuts(current: () => readonly Shortcut[]): () => void {
  const keydown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || typing(e.target) || activatesFocused(e.target, e.key)) return;
    const shortcut = matchShortcut(current(), e, shortcutSettings.getState().singleKeys);
    if (!shortcut) return;
    e.preventDefault();
    shortcut.run();
  };
  window.addEventListener('keydown', keydown);
  return () => window.removeEventListener('keydown', keydown);
}
