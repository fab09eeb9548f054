// Failure messages and stack traces travel as an encoded payload (so the payload codec encrypts them)
// instead of clear text in history: a buyer's reason or a database error could quote lead data.
// Plain CommonJS because the SDK require()s it by path in the worker and bundles it into workflows.
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
