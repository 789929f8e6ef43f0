// Resolves the @switchyard/* library aliases of tsconfig.base.json inside the compiled dist/ tree.
// Loaded with `node -r` by every process the launcher (or a test) starts.
const path = require('path');
const tsConfigPaths = require('tsconfig-paths');
const dist = path.resolve(__dirname, '..', '..', 'dist');
tsConfigPaths.register({ baseUrl: dist, paths: { '@switchyard/*': ['libs/*/src/index.js'] } });
