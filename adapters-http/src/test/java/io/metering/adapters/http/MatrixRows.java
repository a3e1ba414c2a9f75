package io.metering.adapters.http;

import static io.metering.adapters.http.MatrixRow.expect;
import static io.metering.adapters.http.MatrixRow.open;
import static io.metering.adapters.http.MatrixRow.withPermission;
import static io.metering.adapters.http.TestApp.js;

import java.util.List;

/**
 * Every route the app serves, one row each ({@code :apply} and {@code :dismiss} share one route and
 * get a row each), with the status each kind of caller must get (docs/domain.md#who-may-do-what):
 * <ul>
 *   <li>org B's admin: 404 for anything of org A, exactly as for an id that does not exist; 200 or
 *       201 where it only lists or creates in its own organization;</li>
 *   <li>portal users: 403 on admin-only operations (EpilotAuth), else 404 outside their meters;</li>
 *   <li>getCustomerMeters lists a portal customer's meters: 403 for admin tokens, which have none.</li>
 * </ul>
 * Placeholders are {@link MatrixFixture}'s. Bodies are valid for the owner's data, so the admin of
 * org A and the owner succeed, and every refusal is about who asks, not what is asked.
 */
final class MatrixRows {
    private static final String SERIES = "/v1/metering/reading/{M}/{C}";
    private static final String CHANGESETS = "/v1/metering/reading/{G}/{GC}/changesets";
    private static final String CHANGESET_ROUTE = "/v1/metering/reading/{meter_id}/{counter_id}/changesets";
    private static final String HOOKS = "/v1/metering/webhooks";
    private static final String HOOK = HOOKS + "/{id}";
    private static final String READING = "'meter_id':'{M}','counter_id':'{C}','source':'360'";

    private MatrixRows() {}

    static List<MatrixRow> all() {
        return List.of(
                // probes and docs
                new MatrixRow("GET /health", "health", "/health", null, open()),
                new MatrixRow("GET /ready", "ready", "/ready", null, open()),
                new MatrixRow("GET /openapi.json", "openapi", "/openapi.json", null, open()),
                new MatrixRow("GET /docs", "docs", "/docs", null, open()),
                new MatrixRow("GET /docs/{asset}", "docs asset", "/docs/swagger-ui.css", null, open()),

                // meters and counters (PortalAuth in the contract; admins admitted)
                new MatrixRow("GET /v1/metering/meter", "getCustomerMeters", "/v1/metering/meter", null, expect(403, 403, 200, 200)),
                new MatrixRow("GET /v1/metering/contract/meters/{contract_id}", "getMetersByContractId",
                        "/v1/metering/contract/meters/{CONTRACT}", null, expect(200, 200, 200, 200)),
                new MatrixRow("GET /v1/metering/meter/{id}", "getMeter", "/v1/metering/meter/{M}", null, expect(200, 404, 200, 404)),
                new MatrixRow("PATCH /v1/metering/meter/{id}", "updateMeter", "/v1/metering/meter/{M}",
                        js("{'description':'changed by the matrix'}"), expect(200, 404, 200, 404)),
                new MatrixRow("GET /v1/metering/counter", "getMeterCounters", "/v1/metering/counter?meter_id={M}", null,
                        expect(200, 404, 200, 404)),
                new MatrixRow("GET /v1/metering/counter/{counter_id}", "getCounterDetails",
                        "/v1/metering/counter/{C}?forecast_date=2024-07-01", null, expect(200, 404, 200, 404)),

                // readings v1
                new MatrixRow("POST /v1/metering/reading", "createMeterReading", "/v1/metering/reading",
                        js("{" + READING + ",'value':81300.5,'timestamp':'2024-06-10T00:00:00Z'}"), expect(200, 404, 200, 404)),
                new MatrixRow("POST /v1/metering/readings", "createMeterReadings", "/v1/metering/readings",
                        js("{'readings':[{" + READING + ",'value':81300.5,'timestamp':'2024-06-10T00:00:00Z'}]}"),
                        expect(200, 404, 403, 403)),
                new MatrixRow("POST /v1/metering/readings/{meter_id}", "createPortalMeterReadings", "/v1/metering/readings/{M}",
                        js("{'readings':[{'counter_id':'{C}','source':'360','value':81300.5,'timestamp':'2024-06-10T00:00:00Z'}]}"),
                        expect(200, 404, 200, 404)),
                new MatrixRow("GET /v1/metering/reading/{meter_id}/{counter_id}", "getReadingsByInterval", SERIES, null,
                        expect(200, 404, 200, 404)),
                new MatrixRow("PUT /v1/metering/reading/{meter_id}/{counter_id}", "updateMeterReading",
                        SERIES + "?timestamp=2024-06-05T00:00:00Z", js("{'value':81298,'source':'360'}"), expect(200, 404, 403, 403)),
                new MatrixRow("DELETE /v1/metering/reading/{meter_id}/{counter_id}", "deleteMeterReading",
                        SERIES + "?timestamp=2024-06-05T00:00:00Z", null, expect(200, 404, 403, 403)),

                // readings v2
                new MatrixRow("POST /v2/metering/readings", "batchWriteMeterReadings", "/v2/metering/readings",
                        js("{'readings':[{'operation':'create'," + READING + ",'value':81300.5,'timestamp':'2024-06-10T00:00:00Z'}]}"),
                        expect(200, 404, 403, 403)),
                new MatrixRow("POST /v2/metering/readings/prune", "pruneMeterReadings", "/v2/metering/readings/prune",
                        js("{'meter_id':'{M}','keep_external_ids':['kept-1']}"), expect(200, 404, 403, 403)),

                // other shapes of writes
                new MatrixRow("POST /v1/metering/reading/submission", "createMeterReadingFromSubmission",
                        "/v1/metering/reading/submission", js("{'entity':{'meterReadings':[{'meterId':'{M}','meterType':'one_tariff',"
                                + "'readingValue':81300.5,'readingDate':'2024-06-10T00:00:00Z'}]}}"), expect(200, 404, 403, 403)),
                new MatrixRow("POST /v1/metering/reading/with-meter", "createReadingWithMeter", "/v1/metering/reading/with-meter",
                        js("{'meter_id':'{M}','obis_number':'1-0:1.8.0','source':'ERP','value':81300.5,"
                                + "'timestamp':'2024-06-10T00:00:00Z'}"), expect(200, 404, 403, 403)),
                new MatrixRow("GET /v1/metering/allowed/reading/{meter_id}", "getAllowedReadingForMeter",
                        "/v1/metering/allowed/reading/{M}?timestamp=2024-06-03T00:00:00Z", null, expect(200, 404, 200, 404)),

                // this product's consumption endpoint
                new MatrixRow("GET /v1/metering/consumption/{meter_id}/{counter_id}", "consumption",
                        "/v1/metering/consumption/{M}/{C}?interval=day&start_date=2024-06-01&end_date=2024-06-05", null,
                        expect(200, 404, 200, 404)),

                // changesets
                new MatrixRow("GET " + CHANGESET_ROUTE, "getReadingChangesets", CHANGESETS, null, expect(200, 404, 200, 404)),
                new MatrixRow("PATCH " + CHANGESET_ROUTE + "/{changeset_id}", "updateReadingChangeset", CHANGESETS + "/{CS}",
                        js("{'proposed':{'value':60513}}"), withPermission(200, 404, 403, 403)),
                new MatrixRow("POST " + CHANGESET_ROUTE + "/{changeset_action}", "applyReadingChangeset", CHANGESETS + "/{CS}:apply",
                        null, withPermission(200, 404, 403, 403)),
                new MatrixRow("POST " + CHANGESET_ROUTE + "/{changeset_action}", "dismissReadingChangeset",
                        CHANGESETS + "/{CS}:dismiss", js("{'reason':'not plausible'}"), withPermission(200, 404, 403, 403)),

                // this product's admin extension
                new MatrixRow("POST /v1/metering/admin/meters", "create meter", "/v1/metering/admin/meters",
                        js("{'sector':'gas','meter_number':'NEW-METER'}"), expect(201, 201, 403, 403)),
                new MatrixRow("GET /v1/metering/admin/meters", "list meters", "/v1/metering/admin/meters", null,
                        expect(200, 200, 403, 403)),
                new MatrixRow("GET /v1/metering/admin/meters/{id}", "get meter", "/v1/metering/admin/meters/{M}", null,
                        expect(200, 404, 403, 403)),
                new MatrixRow("PATCH /v1/metering/admin/meters/{id}", "update meter", "/v1/metering/admin/meters/{M}",
                        js("{'meter_number':'RENAMED'}"), expect(200, 404, 403, 403)),
                new MatrixRow("DELETE /v1/metering/admin/meters/{id}", "delete meter", "/v1/metering/admin/meters/{M}", null,
                        expect(204, 404, 403, 403)),
                new MatrixRow("GET /v1/metering/admin/meters/{id}/counters", "list counters", "/v1/metering/admin/meters/{M}/counters",
                        null, expect(200, 404, 403, 403)),
                new MatrixRow("POST /v1/metering/admin/meters/{id}/counters", "create counter",
                        "/v1/metering/admin/meters/{M}/counters", js("{'obis_number':'1-0:2.8.0','direction':'feed-in'}"),
                        expect(201, 404, 403, 403)),
                new MatrixRow("GET /v1/metering/admin/counters/{id}", "get counter", "/v1/metering/admin/counters/{C}", null,
                        expect(200, 404, 403, 403)),
                new MatrixRow("PATCH /v1/metering/admin/counters/{id}", "update counter", "/v1/metering/admin/counters/{C}",
                        js("{'unit':'kWh'}"), expect(200, 404, 403, 403)),
                new MatrixRow("DELETE /v1/metering/admin/counters/{id}", "delete counter", "/v1/metering/admin/counters/{C}", null,
                        expect(204, 404, 403, 403)),
                new MatrixRow("GET /v1/metering/interval-values/{meter_id}/{counter_id}", "getIntervalValues",
                        "/v1/metering/interval-values/{M}/{C}?start_date=2024-06-01&end_date=2024-06-05", null, expect(200, 404, 200, 404)),
                // this product's review queues of the organization
                new MatrixRow("GET /v1/metering/admin/changesets", "listPendingChangesets", "/v1/metering/admin/changesets", null,
                        expect(200, 200, 403, 403)),
                new MatrixRow("GET /v1/metering/admin/implausible-readings", "listImplausibleReadings",
                        "/v1/metering/admin/implausible-readings", null, expect(200, 200, 403, 403)),
                // imports over HTTP: a JSON body is no import file (ImportRoutesTest and ImportJobsTest upload files)
                new MatrixRow("POST /v1/metering/admin/imports", "createImportJob", "/v1/metering/admin/imports", js("{'a':1}"),
                        expect(415, 415, 403, 403)),
                new MatrixRow("GET /v1/metering/admin/imports/{id}", "getImportJob",
                        "/v1/metering/admin/imports/00000000-0000-4000-8000-000000000000", null, expect(404, 404, 403, 403)),
                // the change event feed: admins read their own organization's events
                new MatrixRow("GET /v1/metering/events", "getChangeEvents", "/v1/metering/events", null, expect(200, 200, 403, 403)),
                new MatrixRow("GET /v1/metering/admin/imports/{id}/refusals", "getImportRefusals",
                        "/v1/metering/admin/imports/00000000-0000-4000-8000-000000000000/refusals", null, expect(404, 404, 403, 403)),
                // webhook subscriptions: admins of the organization only; another organization's is not found
                new MatrixRow("POST " + HOOKS, "createWebhook", HOOKS, js("{'url':'https://erp.example.com/matrix'}"),
                        expect(201, 201, 403, 403)),
                new MatrixRow("GET " + HOOKS, "listWebhooks", HOOKS, null, expect(200, 200, 403, 403)),
                new MatrixRow("GET " + HOOK, "getWebhook", HOOKS + "/{W}", null, expect(200, 404, 403, 403)),
                new MatrixRow("PATCH " + HOOK, "updateWebhook", HOOKS + "/{W}", js("{'description':'matrix'}"), expect(200, 404, 403, 403)),
                new MatrixRow("DELETE " + HOOK, "deleteWebhook", HOOKS + "/{W}", null, expect(204, 404, 403, 403)),
                new MatrixRow("POST " + HOOK + "/rotate-secret", "rotateWebhookSecret", HOOKS + "/{W}/rotate-secret", null,
                        expect(200, 404, 403, 403)),
                new MatrixRow("POST " + HOOK + "/test", "testWebhook", HOOKS + "/{W}/test", null, expect(200, 404, 403, 403)),
                new MatrixRow("POST " + HOOK + "/replay", "replayWebhook", HOOKS + "/{W}/replay?after=" + "0".repeat(32), null,
                        expect(200, 404, 403, 403)),
                new MatrixRow("GET " + HOOK + "/attempts", "listWebhookAttempts", HOOKS + "/{W}/attempts", null,
                        expect(200, 404, 403, 403)));
    }
}
