import { writeFileSync } from 'fs';
import { apiSchemaPath, apiSchemaSource } from './api-schema';

/** `npm run api-client`: writes libs/api-client/src/schema.ts from the current OpenAPI document. */
writeFileSync(apiSchemaPath(), apiSchemaSource());
console.log(`Wrote ${apiSchemaPath()}`);
