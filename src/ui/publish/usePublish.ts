import { useStore } from 'zustand';
import { publishSession, type PublishState } from '../../state/publish/publishSession.ts';

/** A slice of the page's publishing session. */
export function usePublish<T>(select: (s: PublishState) => T): T {
  return useStore(publishSession, select);
}
