// The reader's anonymous voter token, kept in this browser for ratings and survey votes.
import { ApiError, createVoter, createVoterChallenge } from './api.js';
import { solveChallenge } from './challenge.js';

const KEY = 'bantin.voterToken';

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the reader can still vote, but is not remembered
  }
}

function store(token) {
  try {
    if (token) localStorage.setItem(KEY, token);
    else localStorage.removeItem(KEY);
  } catch {
    // as above
  }
}

/** Solves a challenge in a worker, or on this thread where a worker cannot run. */
function solve(challenge) {
  if (typeof Worker === 'undefined') return solveChallenge(challenge);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./challenge-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => { worker.terminate(); resolve(data); };
    worker.onerror = () => { worker.terminate(); resolve(solveChallenge(challenge)); };
    worker.postMessage(challenge);
  });
}

let renewal = null;

/**
 * A new token, for the proof of work the API asks; sending the earlier token (even an expired
 * one) keeps the same voter, so the reader's votes stay recognised. Parts of a page that ask at
 * the same moment share one.
 */
function newToken(earlier) {
  renewal ||= (async () => {
    const { maxnumber, ...challenge } = await createVoterChallenge();
    const number = await solve({ maxnumber, ...challenge });
    const { token } = await createVoter({ ...challenge, number }, earlier);
    store(token);
    return token;
  })().finally(() => { renewal = null; });
  return renewal;
}

/**
 * A token to use instead of `refused`: the one another part of the page has renewed it into
 * meanwhile (a second renewal would cost the reader a second proof of work), else a new one.
 */
function renewed(refused) {
  const current = stored();
  return current && current !== refused ? Promise.resolve(current) : newToken(refused);
}

/**
 * Runs `read(token)` with this browser's token if it has one (to see the reader's own score or
 * vote), or with none; a token the API no longer accepts (expired) is renewed and the read
 * repeated, or, if that fails, repeated without a token.
 */
export async function readAsVoter(read) {
  const token = stored();
  try {
    return await read(token);
  } catch (error) {
    if (!(token && error instanceof ApiError && error.status === 401)) throw error;
    const fresh = await renewed(token).catch(() => null);
    return read(fresh);
  }
}

/**
 * Runs `action(token)` with this browser's token, getting one first if needed. A token the API
 * no longer accepts (expired, or its signing key changed) is renewed once.
 */
export async function withVoterToken(action) {
  const token = stored() || await newToken(null);
  try {
    return await action(token);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    return action(await renewed(token));
  }
}
