// epilot's published Metering API client (@epilot/metering-client), used unchanged against this
// service: every operation the client offers, through the client's own methods.
//
// Started by io.metering.bootstrap.e2e.DemoEndToEndTest (epilotsPublishedClientWorksUnchanged) with a running service loaded
// with the demo data; it passes BASE_URL, ADMIN_TOKEN, PORTAL_TOKEN and the demo ids.
const test = require('node:test');
const assert = require('node:assert/strict');
const { getClient } = require('@epilot/metering-client');

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const client = getClient();
client.defaults.baseURL = env('BASE_URL');
const admin = { headers: { Authorization: `Bearer ${env('ADMIN_TOKEN')}` } };
const portal = { headers: { Authorization: `Bearer ${env('PORTAL_TOKEN')}` } };
const POWER = env('POWER_METER'), T1 = env('POWER_T1'), GAS = env('GAS_METER'), GAS_VOLUME = env('GAS_COUNTER');
const CONTRACT = env('CONTRACT_ID');

// the demo's gas register ends at 11430.6 on 2023-12-27; these tests continue it in order
const at = (day) => `2024-02-${String(day).padStart(2, '0')}T06:00:00.000Z`;

test('getCustomerMeters lists the portal customer\'s four meters', async () => {
  const r = await client.getCustomerMeters(null, null, portal);
  assert.equal(r.status, 200);
  assert.equal(r.data.data.length, 4);
  assert.ok(r.data.data.every((m) => m._schema === 'meter'));
});

test('getMetersByContractId finds the meters of the contract', async () => {
  const r = await client.getMetersByContractId({ contract_id: CONTRACT }, null, portal);
  assert.equal(r.status, 200);
  assert.equal(r.data.data.length, 4);
});

test('getMeter answers entity, journey_actions and relations', async () => {
  const r = await client.getMeter({ id: POWER }, null, portal);
  assert.equal(r.status, 200);
  assert.equal(r.data.data.entity._id, POWER);
  assert.equal(r.data.data.entity.meter_number, 'E0000000000000011');
  assert.ok(Array.isArray(r.data.data.relations));
});

test('updateMeter changes an attribute', async () => {
  const r = await client.updateMeter({ id: POWER }, { used_for: 'Domestic Usage' }, portal);
  assert.equal(r.status, 200);
  assert.equal(r.data.data.used_for, 'Domestic Usage');
});

test('getMeterCounters and getCounterDetails show the registers', async () => {
  const list = await client.getMeterCounters({ meter_id: POWER }, null, portal);
  assert.equal(list.status, 200);
  assert.equal(list.data.data.length, 4);
  const one = await client.getCounterDetails({ counter_id: T1 }, null, portal);
  assert.equal(one.status, 200);
  assert.equal(one.data.data.obis_number, '1-0:1.8.1');
  assert.equal(one.data.data.current_consumption, 16945.1);
});

test('getReadingsByInterval answers relative values with hits and firstRecordCreatedAt', async () => {
  const r = await client.getReadingsByInterval(
    { meter_id: POWER, counter_id: T1, type: 'relative', start_date: '2023-11-12', end_date: '2023-11-13', size: 10 },
    null, portal);
  assert.equal(r.status, 200);
  assert.equal(r.data.hits, 2);
  assert.deepEqual(r.data.results.map((x) => x.value), [12.9, 13.3]);
  assert.equal(r.data.firstRecordCreatedAt, '2023-06-05T00:00:00.000Z');
});

test('createMeterReading stores a portal reading', async () => {
  const r = await client.createMeterReading(null,
    { meter_id: GAS, counter_id: GAS_VOLUME, value: 11500.5, source: 'ECP', timestamp: at(1) }, portal);
  assert.equal(r.status, 200);
  assert.equal(r.data.data.value, 11500.5);
  assert.equal(r.data.data.timestamp, at(1));
});

test('a reading below the previous one is refused with the contract\'s reason', async () => {
  await assert.rejects(
    client.createMeterReading(null, { meter_id: GAS, counter_id: GAS_VOLUME, value: 11000, source: 'ECP', timestamp: at(2) }, portal),
    (e) => e.response.status === 400 && e.response.data.reason === 'less_than_previous');
});

test('createMeterReadings stores a batch', async () => {
  const r = await client.createMeterReadings({ async: true }, {
    readings: [
      { meter_id: GAS, counter_id: GAS_VOLUME, value: 11510, source: 'ERP', timestamp: at(3) },
      { meter_id: GAS, counter_id: GAS_VOLUME, value: 11520.25, source: 'ERP', timestamp: at(4) },
    ],
  }, admin);
  assert.equal(r.status, 200);
  assert.deepEqual(r.data.data.map((x) => x.value), [11510, 11520.25]);
});

test('batchWriteMeterReadings upserts by external id', async () => {
  const item = (value) => ({ operation: 'create', meter_id: GAS, counter_id: GAS_VOLUME, external_id: 'erp-feb-5',
    value, source: 'ERP', timestamp: at(5) });
  await client.batchWriteMeterReadings(null, { identifiers: ['external_id'], readings: [item(11530)] }, admin);
  const r = await client.batchWriteMeterReadings(null, { identifiers: ['external_id'], readings: [item(11531)] }, admin);
  assert.equal(r.status, 200);
  const read = await client.getReadingsByInterval(
    { meter_id: GAS, counter_id: GAS_VOLUME, type: 'cumulative', start_date: '2024-02-05', end_date: '2024-02-05' }, null, admin);
  assert.deepEqual(read.data.results.map((x) => x.value), [11531]);
});

test('createMeterReadingFromSubmission maps a one-tariff journey reading', async () => {
  const r = await client.createMeterReadingFromSubmission(null, {
    entity: { meterReadings: [{ meterId: GAS, meterType: 'one_tariff', readingValue: 11540, readingDate: at(6) }] },
  }, admin);
  assert.equal(r.status, 200);
  assert.equal(r.data.message, 'Successfully Processed');
});

test('createReadingWithMeter finds the meter by MaLo id and the counter by OBIS number', async () => {
  const r = await client.createReadingWithMeter(null,
    { ma_lo_id: '871000000000000022', obis_number: '7-0:3.0.0', value: 11550, source: 'ERP', timestamp: at(7) }, admin);
  assert.equal(r.status, 200);
  assert.equal(r.data.data.counter_id, GAS_VOLUME);
});

test('getAllowedReadingForMeter bounds a reading between its neighbours', async () => {
  const r = await client.getAllowedReadingForMeter({ meter_id: GAS, timestamp: '2024-02-03T12:00:00.000Z' }, null, portal);
  assert.equal(r.status, 200);
  const range = r.data.data.find((x) => x.counter_id === GAS_VOLUME);
  assert.equal(range.min_value, 11510);
  assert.equal(range.max_value, 11520.25);
});

test('updateMeterReading corrects a value and deleteMeterReading removes it', async () => {
  const u = await client.updateMeterReading({ meter_id: GAS, counter_id: GAS_VOLUME, timestamp: at(7) },
    { meter_id: GAS, value: 11555, source: 'ERP' }, admin);
  assert.equal(u.status, 200);
  assert.equal(u.data.data.value, 11555);
  const d = await client.deleteMeterReading({ meter_id: GAS, counter_id: GAS_VOLUME, timestamp: at(7) }, null, admin);
  assert.equal(d.status, 200);
  await assert.rejects(
    client.deleteMeterReading({ meter_id: GAS, counter_id: GAS_VOLUME, timestamp: at(7) }, null, admin),
    (e) => e.response.status === 404);
});
