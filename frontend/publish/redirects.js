// Old addresses of articles whose slug changed, and where each now is. Each old address gets a small
// page that forwards (any static host), and redirects.map lists them for nginx's `map`, which answers
// with a 301 instead (see deploy/nginx.conf).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { OWN_FOLDER } from './output.js';

const SAVED = join(OWN_FOLDER, 'redirects.json');
const NGINX_MAP = join(OWN_FOLDER, 'redirects.map');

export class Redirects {
  #targets;

  constructor(pairs = []) {
    this.#targets = new Map(pairs);
  }

  static async load(output) {
    try {
      return new Redirects(JSON.parse(await readFile(output.pathOf(SAVED), 'utf8')));
    } catch (error) {
      if (error.code === 'ENOENT') return new Redirects();
      throw error;
    }
  }

  /** [from, to] pairs, oldest first. */
  entries() {
    return [...this.#targets];
  }

  /**
   * `from` now forwards to `to`, and so does every address that forwarded to `from` (no chains);
   * `to` itself, an article's address, forwards no more. Returns the pairs that changed.
   */
  add(from, to) {
    this.#targets.delete(to);
    const changed = [[from, to]];
    this.#targets.set(from, to);
    for (const [source, target] of this.#targets) {
      if (target === from) {
        this.#targets.set(source, to);
        changed.push([source, to]);
      }
    }
    return changed;
  }

  /** An address that is an article's own again forwards no more. */
  drop(address) {
    this.#targets.delete(address);
  }

  async save(output) {
    await output.write(SAVED, JSON.stringify(this.entries()));
    // Addresses are paths of slugs (letters, digits, hyphens); quoted all the same.
    await output.write(NGINX_MAP, this.entries().map(([from, to]) => `"${from}" "${to}";\n`).join(''));
  }
}
