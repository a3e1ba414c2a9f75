// The admin operations the console calls (README "Admin extension", "Readings (v1)", "Changesets",
// "Import and export"), through the portal's API client: exact decimals both ways, the acting
// organization's header, SignedOut on 401.
import { request } from '../portal/lib/api.js';

const id = encodeURIComponent;
const READING = (m, c) => `/v1/metering/reading/${id(m)}/${id(c)}`;

export const admin = {
  meters: (params) => request('GET', '/v1/metering/admin/meters', { params }),
  meter: (meterId) => request('GET', `/v1/metering/admin/meters/${id(meterId)}`),
  updateMeter: (meterId, changes) => request('PATCH', `/v1/metering/admin/meters/${id(meterId)}`, { body: changes }),
  counters: (meterId) => request('GET', `/v1/metering/admin/meters/${id(meterId)}/counters`),
  updateCounter: (counterId, changes) => request('PATCH', `/v1/metering/admin/counters/${id(counterId)}`, { body: changes }),
  readings: (meterId, counterId, params) => request('GET', READING(meterId, counterId), { params }),
  addReading: (reading, params) => request('POST', '/v1/metering/reading', { body: reading, params }),
  updateReading: (meterId, counterId, timestamp, changes, params) =>
    request('PUT', READING(meterId, counterId), { params: { ...params, timestamp }, body: changes }),
  deleteReading: (meterId, counterId, params) => request('DELETE', READING(meterId, counterId), { params }),
  changesets: (meterId, counterId) => request('GET', `${READING(meterId, counterId)}/changesets`),
  applyChangeset: (meterId, counterId, changesetId) =>
    request('POST', `${READING(meterId, counterId)}/changesets/${id(changesetId)}:apply`),
  updateChangeset: (meterId, counterId, changesetId, proposed) =>
    request('PATCH', `${READING(meterId, counterId)}/changesets/${id(changesetId)}`, { body: { proposed } }),
  dismissChangeset: (meterId, counterId, changesetId, reason) =>
    request('POST', `${READING(meterId, counterId)}/changesets/${id(changesetId)}:dismiss`, { body: reason ? { reason } : {} }),
  pendingChangesets: (params) => request('GET', '/v1/metering/admin/changesets', { params }),
  implausibleReadings: (params) => request('GET', '/v1/metering/admin/implausible-readings', { params }),
  webhooks: () => request('GET', '/v1/metering/webhooks'),
  webhookAttempts: (webhookId, params) => request('GET', `/v1/metering/webhooks/${id(webhookId)}/attempts`, { params }),
  upload: (file, params) => request('POST', '/v1/metering/admin/imports', { raw: file, contentType: file.type || 'application/octet-stream', params }),
  importJob: (jobId) => request('GET', `/v1/metering/admin/imports/${id(jobId)}`),
};

/** The meters of these ids, each fetched once, by id (what a queue page shows beside its items). */
export async function metersById(ids) {
  const unique = [...new Set(ids)];
  const meters = await Promise.all(unique.map((meterId) => admin.meter(meterId).then((m) => m.data, () => null)));
  return new Map(unique.map((meterId, i) => [meterId, meters[i]]));
}

/** The counters of these meters by counter id (`_id`), each meter asked once; a meter that fails adds none. */
export async function countersById(meterIds) {
  const unique = [...new Set(meterIds)];
  const lists = await Promise.all(unique.map((meterId) => admin.counters(meterId).then((c) => c.data ?? c, () => [])));
  return new Map(lists.flat().map((c) => [c._id, c]));
}

/** A queue's count as the navigation shows it: "1000+" when the server stopped counting. */
export const queueCount = (page) => (page.count_exact ? String(page.count) : `${page.count}+`);
