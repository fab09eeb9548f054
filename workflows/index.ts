// The worker's workflowsPath: every workflow type the lead task queue runs.
export { bulkReplayWorkflow } from './bulk-replay.js';
export { feedbackWorkflow } from './feedback.js';
export { leadWorkflow } from './lead.js';
export { maintenanceWorkflow } from './maintenance.js';
export { redeliveryWorkflow } from './redelivery.js';
export { webhookWorkflow } from './webhook.js';
