export { caseWorkflow } from './case.workflow';
export { visitCadenceWorkflow } from './visit-cadence.workflow';
export { caseObligationsWorkflow } from './case-obligations.workflow';
export { reconcilerWorkflow } from './reconciler.workflow';
export { mailDeliveryWorkflow, escalationDigestWorkflow } from './mail.workflow';
export { householdImportWorkflow } from './household-import.workflow';
export { duplicateDetectionWorkflow } from './duplicate-detection.workflow';
