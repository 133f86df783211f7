// simjs exports nothing usable (see loadSimjs.ts): importing it only registers window.Sim.
declare module 'simjs' {}
