package io.metering.adapters.http.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.metering.adapters.http.json.TextOnly;
import java.util.List;

/**
 * Body of createMeterReadingFromSubmission: a journey submission. Only the parts this service reads
 * are bound; the rest of the payload (the contract allows any additional properties) is ignored.
 *
 * @param orgId {@code org_id}: must name the caller's organization when sent
 * @param entity the submission entity
 */
record SubmissionRequest(@JsonDeserialize(using = TextOnly.class) @JsonProperty("org_id") String orgId, Entity entity) {

    /**
     * The submission entity.
     *
     * @param org {@code _org}: must name the caller's organization when sent
     * @param meterReadings the readings per meter; entries may be null
     */
    public record Entity(@JsonDeserialize(using = TextOnly.class) @JsonProperty("_org") String org,
            List<SubmissionMeterReadingRequest> meterReadings) {}
}
