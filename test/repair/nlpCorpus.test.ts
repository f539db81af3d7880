import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fixAndExplain } from '../../src/index.js';

/** Clean English sentences (news, reviews, forum posts) from the `nlp-corpus` dev dependency. */
function sentences(limit: number): string[] {
  const require = createRequire(import.meta.url);
  // The package exports only its loader; the sentence files sit in `builds/` at its root.
  let root = dirname(require.resolve('nlp-corpus'));
  while (!existsSync(join(root, 'builds'))) root = dirname(root);
  const builds = join(root, 'builds');
  const out: string[] = [];
  for (const file of readdirSync(builds).filter((f) => /^doc-\d+\.json$/.test(f)).sort()) {
    out.push(...(JSON.parse(readFileSync(join(builds, file), 'utf8')) as string[]));
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

describe('nlp-corpus sentences', () => {
  const corpus = sentences(20000);
  it('has enough sentences to mean something', () => assert.ok(corpus.length >= 2000));

  it('mojibake repair changes none of them', () => {
    const changed = corpus.filter((s) => fixAndExplain(s).steps.some((step) => step.fixer === 'mojibake'));
    assert.deepEqual(changed, []);
  });

  it('encoding repair changes only sentences with genuine damage (C1 controls: windows-1252 read as Latin-1)', () => {
    for (const s of corpus) {
      const steps = fixAndExplain(s).steps.filter((step) => step.fixer === 'c1Controls');
      if (steps.length > 0) assert.match(s, /[\u0080-\u009f]/);
      for (const step of steps) assert.match(step.after, /^[–—…‘’“”€•]$/, `${step.before} → ${step.after} in ${s}`);
    }
  });
});
