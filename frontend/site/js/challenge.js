// The proof of work asked before a voter token (ALTCHA's form): the number n, from 0 to
// maxnumber, whose SHA-256 of salt + n is the challenge. Pure: runs in a worker, a page or Node.

const encoder = new TextEncoder();

function bytesOf(hex) {
  return Uint8Array.from(hex.match(/../g) || [], (pair) => parseInt(pair, 16));
}

function equal(left, right) {
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i += 1) {
    if (left[i] !== right[i]) return false;
  }
  return true;
}

/** The number that solves the challenge, or null if none up to maxnumber does. */
export async function solveChallenge({ challenge, salt, maxnumber }) {
  const target = bytesOf(challenge);
  for (let n = 0; n <= maxnumber; n += 1) {
    // One hash at a time, in order: the first match ends the search.
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(salt + n)));
    if (equal(hash, target)) return n;
  }
  return null;
}
