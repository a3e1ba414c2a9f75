// The portal is a client of the public API (docs: /openapi.json): the same HTTP operations with a
// bearer token, numbers kept as decimal strings both ways.
import { currentToken, expire } from './session.js';
import { parse, stringify } from './json.js';

/** The API refused (4xx/5xx); reason is the documented machine-readable cause. */
export class ApiError extends Error {
  constructor(status, reason, message) {
    super(message || reason || `HTTP ${status}`);
    this.status = status;
    this.reason = reason;
  }
}

/** No valid token (missing, expired or refused): the page goes back to sign-in. */
export class SignedOut extends Error {}

/** The service gave no answer (offline, refused connection, a proxy's cut): fetch itself failed. */
export class Unreachable extends Error {}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

let extraHeaders = {};

/** Headers sent with every later request, e.g. the console's {'x-ivy-org-id': org} when acting for another organization. */
export function useHeaders(headers) {
  extraHeaders = { ...headers };
}

/**
 * One API call: JSON both ways with exact decimals, or a raw body (a file upload) with its content type.
 * @throws SignedOut on 401, ApiError on any other refusal, Unreachable when no answer came
 */
export async function request(method, path, { params = {}, body, raw, contentType } = {}) {
  const token = currentToken();
  if (!token) throw new SignedOut();
  const headers = { ...extraHeaders, Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (raw !== undefined) headers['Content-Type'] = contentType || 'application/octet-stream';
  const payload = raw !== undefined ? raw : body === undefined ? undefined : stringify(body);
  let response;
  try {
    response = await fetch(`${path}${query(params)}`, { method, headers, body: payload });
  } catch (e) {
    throw new Unreachable(e.message);
  }
  const text = await response.text();
  if (response.status === 401) {
    expire();
    throw new SignedOut();
  }
  let json = null;
  try {
    json = text ? parse(text) : null;
  } catch {
    // a proxy's HTML error page: reported by status below
  }
  if (!response.ok) throw new ApiError(response.status, json?.reason, json?.message);
  return json;
}

const id = encodeURIComponent;

export const api = {
  meters: () => request('GET', '/v1/metering/meter'),
  meter: (meterId) => request('GET', `/v1/metering/meter/${id(meterId)}`),
  counters: (meterId) => request('GET', '/v1/metering/counter', { params: { meter_id: meterId } }),
  allowed: (meterId, timestamp) => request('GET', `/v1/metering/allowed/reading/${id(meterId)}`, { params: { timestamp } }),
  submit: (meterId, readings) => request('POST', `/v1/metering/readings/${id(meterId)}`, { body: { readings } }),
  readings: (meterId, counterId, params) => request('GET', `/v1/metering/reading/${id(meterId)}/${id(counterId)}`, { params }),
  consumption: (meterId, counterId, params) => request('GET', `/v1/metering/consumption/${id(meterId)}/${id(counterId)}`, { params }),
};
