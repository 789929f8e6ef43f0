import { rendererFile, rendererFileUrl } from './renderer-files';
import { ServedFile, servedFile } from './served-file';

/** Where the page finds the document it renders (served by the gateway: openapi.controller.ts). */
export const OPENAPI_DOCUMENT_URL = '/openapi.json';

/** Our script that starts the renderer: a file of its own, so the page runs no inline code. */
export const DOCS_INIT_SCRIPT_NAME = 'init.js';

/**
 * The page's Content-Security-Policy: scripts and styles only from this origin (no inline code, no
 * eval), requests only to this gateway (the document and "try it out" calls), images and media also
 * from data and blob URLs (the renderer's icons, and images or audio a tried request answers with);
 * nothing else loads, no form posts anywhere, no other site may frame the page.
 */
export const DOCS_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI's settings. */
const RENDERER_SETTINGS = {
  url: OPENAPI_DOCUMENT_URL,
  dom_id: '#swagger-ui',
  deepLinking: true,
  // "Try it out" on every operation, whatever its method
  supportedSubmitMethods: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'],
  displayRequestDuration: true,
  // a key pasted into Authorize lives as long as the page: it is not written to the browser's storage
  persistAuthorization: false,
  // no validity badge fetched from validator.swagger.io: the page asks nothing of any other site
  validatorUrl: null,
};

const INIT_SCRIPT = `'use strict';
// Swagger UI (swagger-ui-bundle.js, loaded before this script) rendering the gateway's own OpenAPI document.
window.ui = SwaggerUIBundle(${JSON.stringify(RENDERER_SETTINGS, null, 2)});
`;

const PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Switchyard API reference</title>
    <link rel="stylesheet" href="${rendererFileUrl('swagger-ui.css')}" />
    <link rel="stylesheet" href="${rendererFileUrl('index.css')}" />
    <link rel="icon" type="image/png" href="${rendererFileUrl('favicon-32x32.png')}" sizes="32x32" />
    <link rel="icon" type="image/png" href="${rendererFileUrl('favicon-16x16.png')}" sizes="16x16" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <noscript>The API reference needs JavaScript. The document itself: <a href="${OPENAPI_DOCUMENT_URL}">${OPENAPI_DOCUMENT_URL}</a></noscript>
    <script src="${rendererFileUrl('swagger-ui-bundle.js')}"></script>
    <script src="/docs/${DOCS_INIT_SCRIPT_NAME}"></script>
  </body>
</html>
`;

/** `GET /docs`: revalidated on every visit (it names the renderer's version), a referrer never sent from it. */
export const DOCS_PAGE: ServedFile = servedFile(PAGE, {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': DOCS_PAGE_CSP,
  'referrer-policy': 'no-referrer',
});

const DOCS_INIT_SCRIPT: ServedFile = servedFile(INIT_SCRIPT, {
  'content-type': 'text/javascript; charset=utf-8',
  'cache-control': 'no-cache',
});

/** `GET /docs/{file}`: our init script or one of the renderer's listed files; null for any other name. */
export function docsFile(name: string): ServedFile | Promise<ServedFile> | null {
  return name === DOCS_INIT_SCRIPT_NAME ? DOCS_INIT_SCRIPT : rendererFile(name);
}
