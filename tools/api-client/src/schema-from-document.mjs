// Reads an OpenAPI document (JSON) on stdin and writes the typed client's schema.ts on stdout: the types
// openapi-typescript makes of it, formatted with the repository's prettier configuration for the path in argv[2].
// A plain ES module run by node, not by jest: both packages load ES modules that jest's module system refuses.
import { text } from 'node:stream/consumers';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

const HEADER = `/**
 * The types of the public API, generated from the OpenAPI document of @switchyard/openapi by
 * \`npm run api-client\`. Do not edit: change the document and run that again.
 */

`;

const [target] = process.argv.slice(2);
const document = JSON.parse(await text(process.stdin));
// an object schema without properties accepts any object (OpenAPI's meaning), not only the empty one
const source = HEADER + astToString(await openapiTS(document, { emptyObjectsUnknown: true }));
process.stdout.write(await format(source, { ...(await resolveConfig(target)), filepath: target }));
