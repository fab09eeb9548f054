// The worker's workflowsPath: every workflow type the lead task queue runs.
export { leadWorkflow } from './lead.js';
export { webhookWorkflow } from './webhook.js';
