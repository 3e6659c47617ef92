// The site's folder. Every file is written whole to a temporary name and renamed into place, so a
// web server reading it meanwhile serves the old file or the new one, never half of one.
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASSETS = fileURLToPath(new URL('../site/', import.meta.url));
/** Files of site/ that are not served as they are: the page template, and config.js (written for the API's address). */
const NOT_COPIED = new Set(['page.html', 'config.js']);
/** Where the generator keeps its own files (its catalogue, the redirects): hidden, as every dot-folder is. */
export const OWN_FOLDER = '.bantin';

let temporaryNames = 0;

export class Output {
  constructor(root) {
    this.root = root;
  }

  pathOf(file) {
    const path = join(this.root, file);
    if (relative(this.root, path).split(sep)[0] === '..') throw new Error(`${file} is outside the site`);
    return path;
  }

  async write(file, content) {
    const path = this.pathOf(file);
    await mkdir(dirname(path), { recursive: true });
    temporaryNames += 1;
    const temporary = join(dirname(path), `.${process.pid}-${temporaryNames}.tmp`);
    await writeFile(temporary, content);
    await rename(temporary, path);
  }

  async remove(file) {
    await rm(this.pathOf(file), { force: true });
  }

  /** Removes a folder of pages (a tag nobody uses any more). */
  async removeFolder(folder) {
    await rm(this.pathOf(folder), { recursive: true, force: true });
  }

  /** The files under `folder` (relative to the site), [] if there is none. */
  async filesIn(folder) {
    try {
      const entries = await readdir(this.pathOf(folder), { recursive: true, withFileTypes: true });
      return entries.filter((entry) => entry.isFile())
        .map((entry) => relative(this.root, join(entry.parentPath ?? entry.path, entry.name)));
    } catch (error) {
      if (error.code === 'ENOENT') return [];
      throw error;
    }
  }

  /** The names in `folder` itself (files and folders), [] if there is none. */
  async namesIn(folder) {
    try {
      return await readdir(this.pathOf(folder));
    } catch (error) {
      if (error.code === 'ENOENT') return [];
      throw error;
    }
  }

  /** The site's CSS, scripts and icons, and config.js pointing the scripts at the API. */
  async copyAssets(apiBaseUrl) {
    const assets = new Output(ASSETS);
    for (const file of await assets.filesIn('.')) {
      if (!NOT_COPIED.has(file)) await this.write(file, await readFile(assets.pathOf(file)));
    }
    await this.write('config.js', `export default {\n  apiBaseUrl: ${JSON.stringify(apiBaseUrl)},\n};\n`);
  }
}
