// The site's rules that a reader of one module cannot see: who talks to the network, who parses HTML.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const JS = fileURLToPath(new URL('../../site/js/', import.meta.url));

function modules(dir = JS) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? modules(join(dir, entry.name))
    : [join(dir, entry.name)]));
}

function modulesUsing(pattern) {
  return modules().filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(JS, file));
}

test('only api.js talks to the network', () => {
  assert.deepEqual(modulesUsing(/\bfetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource/), ['api.js']);
});

test('only dom.js turns text into HTML', () => {
  assert.deepEqual(
    modulesUsing(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|setHTMLUnsafe|srcdoc/),
    ['dom.js'],
  );
});
