// The only module that talks to the network: the Bantin API's public endpoints.
import config from '../config.js';
import { apiUrl } from './urls.js';

/** The API could not be reached at all (down, offline, blocked). */
export class ApiUnreachable extends Error {}

/** The API answered with an error: `status` and the RFC 9457 problem it sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const apiBaseUrl = config.apiBaseUrl;

async function request(method, path, { params, body, voterToken } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (voterToken) headers['Voter-Token'] = voterToken;
  let response;
  try {
    response = await fetch(apiUrl(apiBaseUrl, path, params), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiUnreachable(`Không kết nối được tới ${apiBaseUrl}`, { cause });
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const enc = encodeURIComponent;

/** filter: { category, tag, q, page, limit } */
export const listArticles = (filter) => request('GET', '/api/v1/articles', { params: filter });
/** filter: { q, number, type, issuer, field, signer, year, status, page, limit } */
export const listDocuments = (filter) => request('GET', '/api/v1/documents', { params: filter });
/** filter: { q, topic, page, limit } */
export const listQuestions = (filter) => request('GET', '/api/v1/questions', { params: filter });
/** question: { name, email, phone, topic, question, consent } */
export const askQuestion = (question, voterToken) => request('POST', '/api/v1/questions', { body: question, voterToken });
export const listOpenConsultations = () => request('GET', '/api/v1/consultations', { params: { status: 'open', limit: 20 } });
/** comment: { name, email, organisation, comment, consent } */
export const commentOnConsultation = (id, comment, voterToken) =>
  request('POST', `/api/v1/consultations/${enc(id)}/comments`, { body: comment, voterToken });
export const getPreview = (token) => request('GET', `/api/v1/preview/${enc(token)}`);
export const getRating = (slug, voterToken) => request('GET', `/api/v1/articles/${enc(slug)}/rating`, { voterToken });
export const rate = (slug, score, voterToken) =>
  request('PUT', `/api/v1/articles/${enc(slug)}/rating`, { body: { score }, voterToken });
export const createVoterChallenge = () => request('POST', '/api/v1/voters/challenges');
/** solution: the challenge with the number that solves it; earlierToken keeps the same voter. */
export const createVoter = (solution, earlierToken) =>
  request('POST', '/api/v1/voters', { body: solution, voterToken: earlierToken });
export const listOpenSurveys = () => request('GET', '/api/v1/surveys', { params: { status: 'open', limit: 1 } });
export const getSurvey = (id, voterToken) => request('GET', `/api/v1/surveys/${enc(id)}`, { voterToken });
export const vote = (id, optionIds, voterToken) =>
  request('POST', `/api/v1/surveys/${enc(id)}/votes`, { body: { optionIds }, voterToken });
export const getResults = (id, voterToken) => request('GET', `/api/v1/surveys/${enc(id)}/results`, { voterToken });
