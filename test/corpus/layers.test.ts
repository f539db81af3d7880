import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
/** Each layer may import only from the layers before it in this list (and from itself). */
const LAYERS = ['repair', 'article', 'attribution', 'corpus', 'interfaces'];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Relative imports (static, re-exports and dynamic `import()`), as source paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'";]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
    found.push(resolve(dirname(file), (m[1] ?? m[2])!.replace(/\.js$/, '.ts')));
  }
  return found;
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0]!;

test('source layers import only downwards, and no module imports itself round a cycle', () => {
  const files = sources(SRC);
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((d) => d.startsWith(SRC))]));
  for (const [file, deps] of graph) {
    const from = LAYERS.indexOf(layerOf(file));
    if (from < 0) continue;
    for (const dep of deps) {
      const to = LAYERS.indexOf(layerOf(dep));
      assert.ok(to <= from, `${relative(SRC, file)} imports ${relative(SRC, dep)}: ${layerOf(dep)} is not above ${layerOf(file)}`);
    }
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (!graph.has(dep)) continue;
      if (state.get(dep) === 'open') assert.fail(`import cycle: ${path.slice(path.indexOf(dep)).map((f) => relative(SRC, f)).join(' → ')} → ${relative(SRC, dep)}`);
      if (!state.has(dep)) visit(dep);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  assert.ok(files.length > 50, `${files.length} source files found`);
});
