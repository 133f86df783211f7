import type { CompiledPlant, FleetSpec } from './compiledPlant.ts';
import { OUTSIDE } from './lots.ts';
import type { PathGraph } from './pathGraph.ts';

/**
 * Whether moving a lot from equipment `from` (OUTSIDE for a release) to `to` takes a vehicle.
 * No vehicle is needed for a release, for a next operation on the same equipment, without a
 * transport section, or along a chain of conveyors (a conveyor line's transit is part of its
 * cycle, and the format gives conveyors no speed): those moves take no time.
 */
export function needsVehicle(plant: CompiledPlant, from: number, to: number): boolean {
  if (from === OUTSIDE || from === to || !plant.fleet) return false;
  return !plant.paths.byConveyor(plant.equipment[from]!.node, plant.equipment[to]!.node);
}

/** Minutes of a loaded trip between two path nodes: handling (load + unload) + distance / speed. */
export function tripMinutes(fleet: FleetSpec, paths: PathGraph, fromNode: number, toNode: number): number {
  return fleet.handlingTime + paths.distance(fromNode, toNode) / fleet.speed;
}

/**
 * Minutes a move from equipment `from` to `to` takes once a vehicle is at the pick-up: the loaded
 * trip, or 0 when the move needs no vehicle. The simulator adds the vehicle's empty drive to the
 * pick-up and any wait for a free vehicle (the fleet has `plant.fleet.count` of them).
 */
export function moveMinutes(plant: CompiledPlant, from: number, to: number): number {
  if (!needsVehicle(plant, from, to)) return 0;
  return tripMinutes(plant.fleet!, plant.paths, plant.equipment[from]!.node, plant.equipment[to]!.node);
}

/** Minutes of an empty drive between two path nodes (a vehicle going to a pick-up). */
export function emptyDriveMinutes(plant: CompiledPlant, fromNode: number, toNode: number): number {
  return plant.fleet ? plant.paths.distance(fromNode, toNode) / plant.fleet.speed : 0;
}
