export { caseWorkflow } from './case.workflow';
export { visitCadenceWorkflow } from './visit-cadence.workflow';
