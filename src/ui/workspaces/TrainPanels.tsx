import { Placeholder } from './Placeholder.tsx';

/** Training mode: replayed shifts and guided lessons. */
export function TrainPanels() {
  return (
    <Placeholder title="Train">
      <p>Guided lessons will be built here: replay a recorded shift, handle injected faults, and get scored.</p>
      <p className="placeholder-note">Meanwhile a recording can be replayed from the Twin workspace (Open… or drop a file).</p>
    </Placeholder>
  );
}
