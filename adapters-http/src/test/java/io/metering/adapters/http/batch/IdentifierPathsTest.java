package io.metering.adapters.http.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.application.port.in.batch.ReadingIdentifiers;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch request's identifier paths, read at the edge into the use case's typed identity. */
class IdentifierPathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReadingIdentifiers read(String json) throws Exception {
        return IdentifierPaths.read(JSON.readTree(json));
    }

    private static void assertInvalid(String json, String messagePart) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_IDENTIFIERS);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void absentNullAndEmptyMeanTheReadingsKeyAndTheKeyFieldsInAnyOrderAreItToo() throws Exception {
        assertThat(IdentifierPaths.read(null)).isEqualTo(ReadingIdentifiers.DEFAULT);
        assertThat(read("null")).isEqualTo(ReadingIdentifiers.DEFAULT);
        assertThat(read("[]")).isEqualTo(ReadingIdentifiers.DEFAULT);
        assertThat(read("[\"timestamp\", \"meter_id\", \"direction\", \"counter_id\"]").isDefault()).isTrue();
    }

    @Test
    void externalIdAndMetadataPathsNameThoseFieldsOnceEach() throws Exception {
        assertThat(read("[\"external_id\"]")).isEqualTo(ReadingIdentifiers.byExternalId());
        assertThat(read("[\"metadata.registration_id\", \"metadata.business_unit\", \"metadata.registration_id\"]"))
                .isEqualTo(ReadingIdentifiers.byMetadata("registration_id", "business_unit"));
    }

    @Test
    void unknownPathsAndWrongShapesAreInvalidIdentifiers() {
        for (String paths : List.of("[\"value\"]", "[\"metadata.\"]", "[\"metadata\"]", "[\"external_id\", \"_id\"]")) {
            assertInvalid(paths, "unknown identifier");
        }
        assertInvalid("\"external_id\"", "must be an array");
        assertInvalid("[1]", "must be strings");
        assertInvalid("[null]", "must be strings");
        assertInvalid(JSON.valueToTree(Collections.nCopies(IdentifierPaths.MAX_PATHS + 1, "external_id")).toString(), "at most 20");
    }
}
