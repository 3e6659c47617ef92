// The voter challenge solver against challenges made as the API makes them.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { test } from 'node:test';

import { solveChallenge } from '../../site/js/challenge.js';

function challengeFor(number, maxnumber) {
  const salt = `${randomBytes(12).toString('hex')}?expires=${Math.floor(Date.now() / 1000) + 300}`;
  const challenge = createHash('sha256').update(salt + number).digest('hex');
  return { algorithm: 'SHA-256', challenge, maxnumber, salt, signature: '0'.repeat(64) };
}

test('finds the number that the challenge hides', async () => {
  for (const number of [0, 1, randomInt(2, 2000), 2000]) {
    assert.equal(await solveChallenge(challengeFor(number, 2000)), number);
  }
});

test('gives up past maxnumber', async () => {
  assert.equal(await solveChallenge(challengeFor(501, 500)), null);
});

test('a salt in Vietnamese or with odd characters is hashed as UTF-8, as the API does', async () => {
  const salt = 'muối-đường?expires=1';
  const challenge = createHash('sha256').update(Buffer.from(`${salt}42`, 'utf8')).digest('hex');
  assert.equal(await solveChallenge({ challenge, salt, maxnumber: 100 }), 42);
});
