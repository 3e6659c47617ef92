// The reader's anonymous voter token, kept in this browser for ratings and survey votes.
import { ApiError, createVoter } from './api.js';

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

/**
 * Runs `read(token)` with this browser's token if it has one (to see the reader's own score or
 * vote), or with none; a token the API no longer accepts is forgotten and the read repeated.
 */
export async function readAsVoter(read) {
  const token = stored();
  try {
    return await read(token);
  } catch (error) {
    if (!(token && error instanceof ApiError && error.status === 401)) throw error;
    store(null);
    return read(null);
  }
}

/**
 * Runs `action(token)` with this browser's token, getting one first if needed. A token the API
 * no longer accepts (its signing key changed) is replaced once.
 */
export async function withVoterToken(action) {
  let token = stored();
  if (!token) {
    token = (await createVoter()).token;
    store(token);
  }
  try {
    return await action(token);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    store(null);
    const fresh = (await createVoter()).token;
    store(fresh);
    return action(fresh);
  }
}
