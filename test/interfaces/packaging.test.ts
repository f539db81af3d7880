import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import semver from 'semver';
import { tempDir } from '../support/tempDir.js';
import { ROOT } from './runCli.js';

interface Manifest {
  engines: { node: string };
  scripts: Record<string, string>;
  bin: Record<string, string>;
  exports: Record<string, unknown>;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** Scripts npm runs in a consumer's install, and warns about (npm 11: "install scripts not yet covered"). */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

function run(cmd: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('the package as a consumer gets it', () => {
  test('no install scripts; the build runs before packing instead', () => {
    for (const name of INSTALL_SCRIPTS) assert.equal(manifest.scripts[name], undefined, `scripts.${name} would run (or warn) in a consumer's install`);
    assert.match(manifest.scripts.prepack ?? '', /npm run build/);
  });

  test('every package in the lock file supports every Node that `engines` declares', () => {
    const declared = manifest.engines.node;
    const oldest = semver.minVersion(declared)!.version;
    assert.ok(semver.satisfies(process.version, declared), `this Node (${process.version}) is not one that engines (${declared}) declares`);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } }> };
    const misfits: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      const range = pkg.engines?.node;
      if (!path || !range) continue;
      // npm warns when the running Node is outside the range; the oldest declared one and this one must fit.
      for (const version of [oldest, process.version]) {
        if (!semver.satisfies(version, range)) misfits.push(`${path}@${pkg.version} needs node ${range}, not ${version}`);
      }
    }
    assert.deepEqual(misfits, []);
  });

  test('the packed tarball holds what each entry point and the command need, and they work', () => {
    const dir = tempDir('unmangle-pack-');
    // dist/ is built already (npm test builds first); packing must not rebuild it under the other tests.
    const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0]!.files.map((f) => f.path);
    for (const path of ['package.json', 'README.md', 'bin/unmangle', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/interfaces/cli/main.js', 'dist/web/app.js', 'web/index.html']) {
      assert.ok(files.includes(path), `${path} is not in the package`);
    }
    assert.deepEqual(files.filter((f) => /^(src|test|bench)\/|^dist\/(test|bench)\//.test(f)), [], 'sources and tests are not shipped');

    // Installed as npm would lay it out: the package in node_modules, its dependencies beside it
    // (linked from this clone's node_modules, so that the test needs no network).
    const modules = join(dir, 'node_modules');
    const target = join(modules, 'unmangle');
    mkdirSync(target, { recursive: true });
    run('tar', ['xzf', join(dir, packed[0]!.filename), '-C', target, '--strip-components=1'], dir);
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      if (name === 'unmangle' || name.startsWith('.')) continue;
      symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
    }
    const consumer = join(dir, 'consumer.mjs');
    writeFileSync(
      consumer,
      [
        "import { fixText, toArticle, attribute } from 'unmangle';",
        "import * as repair from 'unmangle/repair';",
        "import * as article from 'unmangle/article';",
        "import * as attribution from 'unmangle/attribution';",
        'console.log(JSON.stringify({',
        "  main: fixText('Russia and & nbsp; NATO'),",
        "  repair: repair.fixText('Caf\\u00c3\\u00a9'),",
        `  article: article.toArticle('<html><head><title>Talks & nbsp; resume</title></head><body><article>${'<p>The ministers of the alliance met in Brussels on Monday to discuss the crisis.</p>'.repeat(4)}</article></body></html>').title,`,
        "  attribution: attribution.attribute('\"We are ready,\" said Jens Stoltenberg.').quotes.length,",
        '  sameFunctions: toArticle === article.toArticle && attribute === attribution.attribute,',
        '}));',
      ].join('\n'),
    );
    const out = JSON.parse(run(process.execPath, [consumer], dir)) as Record<string, unknown>;
    assert.deepEqual(out, { main: 'Russia and NATO', repair: 'Café', article: 'Talks resume', attribution: 1, sameFunctions: true });
    const bin = join(target, manifest.bin.unmangle!);
    assert.equal(run(process.execPath, [bin, 'fix'], dir, 'in & nbsp; in particular\n'), 'in particular\n');
    assert.match(run(process.execPath, [bin, '--version'], dir), /^\d+\.\d+\.\d+/);
  });
});
