// The intent worker's workflowsPath: the workflow types the intent task queue runs (not the lead worker's).
export { intentQueryWorkflow } from './intent.js';
