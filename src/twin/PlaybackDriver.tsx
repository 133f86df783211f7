import { useFrame } from '@react-three/fiber';
import { advancePlayhead, type PlaybackStore, type Playhead } from '../app/playback.ts';

/**
 * Runs first in every frame: moves plant time on while playing and has the state source write
 * the frame the meshes read next. Asks for the next frame only while playing, so a paused twin
 * costs nothing.
 */
export function PlaybackDriver({ playback, playhead }: { playback: PlaybackStore; playhead: Playhead }) {
  useFrame((state, delta) => {
    const current = playback.getState();
    if (!current.source || !current.frame) return;
    // A hidden tab or a slow frame must not jump hours of plant time at 10,000×.
    const running = advancePlayhead(current, playhead, Math.min(delta, 0.25));
    current.source.sample(playhead.minutes, current.frame);
    if (running) state.invalidate();
    else if (current.playing) current.pause();
  }, -1);
  return null;
}
