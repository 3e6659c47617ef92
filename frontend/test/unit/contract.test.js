// The published contract passes Redocly's recommended rules (redocly.yaml at the top of the repository
// says which are off and why): no errors and no warnings, as an integrator's tools would see it.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const top = fileURLToPath(new URL('../../../', import.meta.url));
const redocly = fileURLToPath(new URL('../../node_modules/.bin/redocly', import.meta.url));

function lint() {
  return new Promise((resolve) => {
    execFile(redocly, ['lint', 'openapi.yaml', '--config', 'redocly.yaml', '--format', 'json'], {
      cwd: top,
      maxBuffer: 64 * 1024 * 1024,
      // Nothing leaves the machine: no usage reports, no update checks.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

test('openapi.yaml passes the recommended rules with no errors and no warnings', async () => {
  const { code, stdout, stderr } = await lint();
  const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
  const problems = report.problems.map((problem) => `${problem.severity} ${problem.ruleId} at `
    + `${problem.location[0].pointer}: ${problem.message}`);
  assert.deepEqual(problems, [], stderr);
  assert.equal(code, 0, stderr);
});
