import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * `import 'virtual:mantine.css'` becomes the styles of the Mantine components
 * the app uses, and nothing else: @mantine/core's styles.css is all 110 of
 * them (300 kB, 37 kB gzip, render-blocking), while the app uses some 30.
 *
 * The app's sources are read for what they import from `@mantine/*`; each
 * named component is followed through @mantine/core's own modules to every
 * component it renders (a Select brings Combobox, Popover, Input, ScrollArea…),
 * each of whose `<Name>.module.mjs` has its `styles/<Name>.css`. The files are
 * joined in the order they have in styles.css, which is dependency-first, so
 * the cascade is the same as with the whole file. Other @mantine packages
 * (notifications, dates…) bring their styles.css and the core components they
 * use. A screen added tomorrow needs no list kept by hand.
 */
export function mantineStyles(options: { sources: string }): Plugin {
  const VIRTUAL = 'virtual:mantine.css';
  // A .css path, so Vite's CSS pipeline (minify, emit) takes the generated text as it would a file.
  const resolved = resolve(options.sources, '..', 'mantine-used.css');
  return {
    name: 'roundtable-mantine-styles',
    enforce: 'pre',
    resolveId: (id) => (id === VIRTUAL ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      const sources = sourceFiles(options.sources);
      sources.forEach((file) => this.addWatchFile(file));
      return usedStyles(sources);
    },
  };
}

const require = createRequire(import.meta.url);
const CORE = dirname(require.resolve('@mantine/core/styles.css'));
const CORE_ESM = join(CORE, 'esm');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+['"](@mantine\/[a-z-]+)['"]/g;

/** Names imported from each @mantine package (type-only imports left out). */
function mantineImports(code: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [, typeOnly, list, pkg] of code.matchAll(IMPORT)) {
    if (typeOnly) continue;
    const names = found.get(pkg) ?? new Set<string>();
    for (const part of list.split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name && !name.startsWith('type ')) names.add(name);
    }
    found.set(pkg, names);
  }
  return found;
}

/** Where @mantine/core's index takes each export from. */
function coreExports(): Map<string, string> {
  const index = readFileSync(join(CORE_ESM, 'index.mjs'), 'utf8');
  const files = new Map<string, string>();
  for (const [, list, from] of index.matchAll(/import\s+\{([^}]*)\}\s+from\s+"(\.[^"]+)"/g)) {
    for (const part of list.split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) files.set(name, resolve(CORE_ESM, from));
    }
  }
  return files;
}

/** The `<Name>` of every `<Name>.module.mjs` reached from `start` through @mantine/core's relative imports. */
function stylesReached(start: string, seen: Set<string>, styles: Set<string>): void {
  if (seen.has(start)) return;
  seen.add(start);
  const module = /([^/\\]+)\.module\.mjs$/.exec(start);
  if (module) styles.add(module[1]);
  const code = readFileSync(start, 'utf8');
  for (const [, from] of code.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
    stylesReached(resolve(dirname(start), from), seen, styles);
  }
}

function packageStylesFile(pkg: string): string | undefined {
  try {
    return require.resolve(`${pkg}/styles.css`);
  } catch {
    return undefined;
  }
}

function usedStyles(sources: string[]): string {
  const wanted = new Map<string, Set<string>>();
  const add = (pkg: string, names: Iterable<string>) => {
    const set = wanted.get(pkg) ?? new Set<string>();
    for (const name of names) set.add(name);
    wanted.set(pkg, set);
  };
  for (const file of sources) {
    for (const [pkg, names] of mantineImports(readFileSync(file, 'utf8'))) add(pkg, names);
  }

  // Another @mantine package: its own styles, and the core components its modules import.
  const packageStyles: string[] = [];
  for (const pkg of [...wanted.keys()].filter((p) => p !== '@mantine/core').sort()) {
    const styles = packageStylesFile(pkg);
    if (!styles) continue; // @mantine/hooks has none
    packageStyles.push(styles);
    for (const file of sourceFiles(join(dirname(styles), 'esm'))) {
      add('@mantine/core', mantineImports(readFileSync(file, 'utf8')).get('@mantine/core') ?? []);
    }
  }

  const exports = coreExports();
  const seen = new Set<string>();
  const styles = new Set<string>();
  for (const name of wanted.get('@mantine/core') ?? []) {
    const file = exports.get(name);
    if (file) stylesReached(file, seen, styles);
  }

  const whole = readFileSync(join(CORE, 'styles.css'), 'utf8');
  const core = ['baseline', 'default-css-variables', 'global', ...styles]
    .map((name) => readFileSync(join(CORE, 'styles', `${name}.css`), 'utf8').trim())
    .map((text) => ({ text, at: whole.indexOf(text) }))
    .sort((a, b) => a.at - b.at)
    .map((part) => part.text);
  const rest = packageStyles.map((file) => readFileSync(file, 'utf8'));
  return [...core, ...rest].join('\n');
}
