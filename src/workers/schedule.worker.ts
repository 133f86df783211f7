import { expose } from 'comlink';
import { scheduleApi } from './scheduleApi.ts';

expose(scheduleApi());
