import { readFileSync } from 'fs';
import { apiSchemaPath, apiSchemaSource } from './api-schema';

// The typed client must say what the document says: a route, field or status changed in the document
// without `npm run api-client` fails here, and a client call the document no longer allows fails to compile.
describe("the typed client's schema.ts", () => {
  it('is what the generator makes of the current OpenAPI document (else run `npm run api-client`)', () => {
    expect(readFileSync(apiSchemaPath(), 'utf8')).toBe(apiSchemaSource());
  });
});
