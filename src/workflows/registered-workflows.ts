import type { Workflows } from '../contracts/workflows.js';
import type * as registered from './index.js';

/**
 * Fails to compile when a registered workflow's signature drifts from the one callers start it by
 * (src/contracts/workflows.ts). Types only: nothing imports this file at run time.
 */
export type RegisteredWorkflows = Implements<Workflows, typeof registered>;
type Implements<Contract, Actual extends Contract> = Actual;
