package io.metering.adapters.http.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of createMeterReadingFromSubmission: a journey submission. Only the parts this service reads
 * are bound; the rest of the payload (the contract allows any additional properties) is ignored.
 *
 * @param orgId {@code org_id}: must name the caller's organization when sent
 * @param entity the submission entity
 */
record SubmissionRequest(@JsonProperty("org_id") String orgId, Entity entity) {

    /**
     * The submission entity.
     *
     * @param org {@code _org}: must name the caller's organization when sent
     * @param meterReadings the readings per meter; a null entry is refused by the route
     */
    public record Entity(@JsonProperty("_org") String org, List<SubmissionMeterReadingRequest> meterReadings) {}
}
