// The project's zod, extended with `.openapi()` metadata before any schema is built. zod 4 attaches
// methods per schema instance, so a schema created before the extension could never be named in the
// API's OpenAPI document; importing zod from here makes that independent of module load order.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
