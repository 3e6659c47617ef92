// nginx serving a folder made by publish.js with frontend/deploy/nginx.conf, as deployed: the file's
// server block and maps, only with the folder, a free port on 127.0.0.1 and temporary paths put in.
// For the browser tests and the benchmark (bench/).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const DEPLOYED = new URL('../deploy/nginx.conf', import.meta.url);

/** Why nginx cannot be started here, or null. */
export function missingNginx() {
  return existsSync(NGINX) ? null : `nginx not found at ${NGINX} (apt-get install nginx-light, or set NGINX_PATH).`;
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.end();
      resolve(true);
    }).on('error', () => resolve(false));
  });
}

/** Starts nginx on `root` at 127.0.0.1:port; resolves to { url, stop() } once it listens. */
export async function startNginx(root, port) {
  const dir = mkdtempSync(join(tmpdir(), 'bantin-nginx-'));
  const site = readFileSync(DEPLOYED, 'utf8').replaceAll('/srv/bantin-site', root).replace('listen 80;', `listen 127.0.0.1:${port};`);
  const temporary = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${join(dir, name)};`).join(' ');
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(join(dir, 'nginx.conf'), `worker_processes auto;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  ${temporary}
  include ${join(dir, 'site.conf')};
}
`);
  const nginx = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (nginx.exitCode !== null || Date.now() > deadline) {
      throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    }
    await new Promise((resolve) => { setTimeout(resolve, 50); });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => { nginx.once('exit', resolve); });
      nginx.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
