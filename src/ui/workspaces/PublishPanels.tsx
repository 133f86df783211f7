import { PublishWorkspace } from '../publish/PublishWorkspace.tsx';

/** Where approved dispatch lists go to the MES. */
export function PublishPanels() {
  return <PublishWorkspace />;
}
