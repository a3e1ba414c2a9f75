package io.metering.adapters.http.changeset;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.metering.adapters.http.json.TextOnly;

/**
 * Optional body of dismissReadingChangeset.
 *
 * @param reason why, echoed in the answer and not stored; a JSON string only ({@link TextOnly})
 */
record DismissChangesetRequest(@JsonDeserialize(using = TextOnly.class) String reason) {}
