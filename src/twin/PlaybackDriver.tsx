import { useEffect } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { PlaybackClock } from '../playback/clock.ts';

/**
 * The twin's side of the playback clock: whenever the clock says to draw (a frame while playing,
 * a seek, a new source) it asks the on-demand loop for one frame, and that frame first has the
 * state source write the playhead's instant into the arrays the meshes read. A paused twin
 * costs nothing.
 */
export function PlaybackDriver({ clock }: { clock: PlaybackClock }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => clock.subscribe(() => invalidate()), [clock, invalidate]);
  useFrame(() => {
    const { source, frame } = clock.store.getState();
    if (source && frame) source.sample(clock.playhead.minutes, frame);
  }, -1);
  return null;
}
