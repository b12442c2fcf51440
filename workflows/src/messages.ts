import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseState, TransitionCommand } from './case-state';

/** Defined once, imported by the workflow and by the API. */
export const transitionUpdate = defineUpdate<CaseState, [TransitionCommand]>('transition');
export const stateQuery = defineQuery<CaseState>('state');
