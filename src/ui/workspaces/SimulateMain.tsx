import { useStore } from 'zustand';
import { centreView } from '../../state/centreView.ts';
import { experimentStore } from '../../state/experimentStore.ts';
import { networkStore } from '../../state/networkStore.ts';
import { ExperimentResults } from '../experiments/ExperimentResults.tsx';
import { NetworkView } from '../experiments/NetworkView.tsx';
import '../experiments/experiments.css';

/**
 * The Simulate workspace's centre above the twin: an experiment's results or a network's sites,
 * whichever the side panels last opened; nothing (the twin takes the centre) otherwise.
 */
export function SimulateMain() {
  const view = useStore(centreView, (s) => s.simulate);
  const experiment = useStore(experimentStore);
  const network = useStore(networkStore, (s) => s.status === 'done' && s.plan !== undefined);
  const close = () => centreView.getState().showResults(undefined);
  if (view === 'experiment' && experiment.status === 'done' && experiment.result) {
    return (
      <section className="centre-view" aria-label="Experiment results">
        <button type="button" className="experiment-close" onClick={close} aria-label="Close the results">×</button>
        <ExperimentResults result={experiment.result} focus={experiment.focus} onFocus={experiment.setFocus} />
      </section>
    );
  }
  if (view === 'network' && network) {
    return (
      <section className="centre-view" aria-label="Network">
        <button type="button" className="experiment-close" onClick={close} aria-label="Close the network view">×</button>
        <NetworkView />
      </section>
    );
  }
  return null;
}
