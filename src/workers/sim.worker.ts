import { expose } from 'comlink';
import { createSimApi } from './simApi.ts';

/** The plant simulation off the UI thread (see simApi.ts). */
expose(createSimApi());
