import { PublishPanels } from '../ui/workspaces/PublishPanels.tsx';
import { ScenarioMain } from '../ui/workspaces/ScenarioMain.tsx';
import { ScenarioPanels } from '../ui/workspaces/ScenarioPanels.tsx';
import { SchedulePanels } from '../ui/workspaces/SchedulePanels.tsx';
import { ScheduleMain } from '../ui/schedule/ScheduleMain.tsx';
import { scheduleShortcuts } from './scheduleShortcuts.ts';
import { SimulateMain } from '../ui/workspaces/SimulateMain.tsx';
import { SimulatePanels } from '../ui/workspaces/SimulatePanels.tsx';
import { TrainPanels } from '../ui/workspaces/TrainPanels.tsx';
import { TwinPanels } from '../ui/workspaces/TwinPanels.tsx';
import type { Workspace } from './workspace.ts';

/**
 * The app's workspaces, in tab order. The first is where a link without a route lands.
 * To add a view: write its panels under src/ui and add an entry here (see workspace.ts).
 */
export const workspaces: readonly Workspace[] = [
  { id: 'twin', title: 'Twin', shortcut: '1', side: TwinPanels, twin: 'full', editsLayout: true },
  { id: 'scenario', title: 'Scenario', shortcut: '2', side: ScenarioPanels, main: ScenarioMain, twin: 'split' },
  { id: 'simulate', title: 'Simulate & compare', shortcut: '3', side: SimulatePanels, main: SimulateMain, twin: 'split' },
  { id: 'schedule', title: 'Schedule', shortcut: '4', side: SchedulePanels, main: ScheduleMain, twin: 'split', shortcuts: scheduleShortcuts },
  { id: 'publish', title: 'Publish', shortcut: '5', main: PublishPanels, twin: 'none' },
  { id: 'train', title: 'Train', shortcut: '6', side: TrainPanels, twin: 'full' },
];
