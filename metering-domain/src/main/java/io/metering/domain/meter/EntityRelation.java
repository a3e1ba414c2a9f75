package io.metering.domain.meter;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;

/**
 * One entry of a meter's {@code customer} or {@code contract} relation list
 * ({@code $relation: [{entity_id, _slug}]}, docs/domain.md#terms).
 *
 * @param entityId the related entity's id (a contact id for customers, a contract id for contracts)
 * @param slug the related entity's schema, {@code contact} or {@code contract}; may be null
 */
public record EntityRelation(String entityId, String slug) {
    /** @throws InvalidRequestException if the entity id is blank or longer than 128 characters */
    public EntityRelation {
        if (entityId == null || entityId.isBlank() || entityId.length() > 128) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "relation entity_id must be 1-128 characters");
        }
    }
}
