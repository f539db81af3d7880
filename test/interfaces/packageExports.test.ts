import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';

// The package imports itself by name, through its own `exports` map, as a user's code would.
const resolveFromPackage = createRequire(import.meta.url);

describe('package entry points', () => {
  test('each layer has its own entry, so that repairing text does not load the language layers', async () => {
    const repair = (await import('unmangle/repair')) as Record<string, unknown>;
    const article = (await import('unmangle/article')) as Record<string, unknown>;
    const attribution = (await import('unmangle/attribution')) as Record<string, unknown>;
    const all = (await import('unmangle')) as Record<string, unknown>;
    assert.equal(typeof repair.fixText, 'function');
    assert.equal(repair.toArticle, undefined);
    assert.equal(typeof article.toArticle, 'function');
    assert.equal(typeof attribution.attribute, 'function');
    // The main entry is the union of the three.
    for (const layer of [repair, article, attribution]) for (const name of Object.keys(layer)) assert.equal(all[name], layer[name], name);
    assert.equal((repair.fixText as (t: string) => string)('Russia and & nbsp; NATO'), 'Russia and NATO');
  });

  test('every entry has its type declarations', () => {
    for (const entry of ['unmangle', 'unmangle/repair', 'unmangle/article', 'unmangle/attribution']) {
      const js = resolveFromPackage.resolve(entry);
      assert.ok(existsSync(js.replace(/\.js$/, '.d.ts')), `${entry}: ${js} has no .d.ts`);
    }
  });
});
