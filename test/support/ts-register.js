/**
 * `ts-node/register/transpile-only` for the processes the tests start (api, worker), with each file's
 * JavaScript kept on disk by the hash of its source, so only the first start of a run transpiles (a
 * start-up spent about 4 s of its 5 s transpiling). Same compiler options as ts-node takes from
 * tsconfig.json; TypeScript itself is loaded only when some file changed.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const cacheDir = path.join(tmpdir(), 'roundtable-ts-cache');
const salt = createHash('sha256')
  .update(fs.readFileSync(__filename))
  .update(fs.readFileSync(path.join(root, 'tsconfig.json')))
  .update(fs.readFileSync(require.resolve('typescript/package.json')))
  .digest('hex');

let compile;
function compiler() {
  if (compile) return compile;
  const ts = require('typescript');
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const compilerOptions = {
    ...options,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: true,
    declaration: false,
    noEmit: false,
    module: ts.ModuleKind.CommonJS,
  };
  compile = (source, fileName) => ts.transpileModule(source, { compilerOptions, fileName }).outputText;
  return compile;
}

const outputs = new Map();
require('source-map-support').install({
  environment: 'node',
  retrieveFile: (file) => outputs.get(file) ?? null,
});

require.extensions['.ts'] = function (module, fileName) {
  const source = fs.readFileSync(fileName, 'utf8');
  const key = createHash('sha256').update(salt).update(fileName).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = compiler()(source, fileName);
    fs.mkdirSync(cacheDir, { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output);
    fs.renameSync(temporary, cached);
  }
  outputs.set(fileName, output);
  module._compile(output, fileName);
};
