// The twin worker's workflow entry point (bundled on its own, never with the product's workflows).
export { leadTwinWorkflow } from './workflow.js';
