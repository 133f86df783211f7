import { useStore } from 'zustand';
import type { Connect } from '../live/mqttSource.ts';
import { createLiveConnection, type LiveConnectionState } from './liveConnection.ts';
import { demoStates, playback, playbackStore, twinStore } from './twinStore.ts';

// MQTT.js loads on the first Connect; its browser build has only a default export.
export const loadConnect = async (): Promise<Connect> => {
  const mqtt = (await import('mqtt')).default;
  return (url, options) => mqtt.connect(url, options);
};

export const liveConnection = createLiveConnection(twinStore, playbackStore, loadConnect, () => demoStates.hide(), () => playback.changed());

export function useLive<T>(selector: (state: LiveConnectionState) => T): T {
  return useStore(liveConnection, selector);
}
