// Solves a voter challenge off the page's thread, so that the page stays responsive meanwhile.
import { solveChallenge } from './challenge.js';

self.onmessage = async ({ data }) => {
  self.postMessage(await solveChallenge(data));
};
