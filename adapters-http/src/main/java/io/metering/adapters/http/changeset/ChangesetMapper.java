package io.metering.adapters.http.changeset;

import io.metering.adapters.http.json.WireCodes;
import io.metering.application.port.in.changeset.DismissedChangeset;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ProposedReading;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Changesets to their contract JSON. */
@Mapper(uses = WireCodes.class)
public interface ChangesetMapper {
    /** The generated implementation. */
    ChangesetMapper INSTANCE = Mappers.getMapper(ChangesetMapper.class);

    /** The governance's settings ({@code edit_mode}, {@code match_strategy}, ...) stand at the top level. */
    @Mapping(target = "changesetId", source = "id")
    @Mapping(target = ".", source = "governance")
    @Mapping(target = "dismissedReason", ignore = true)
    @Mapping(target = "dismissedAt", ignore = true)
    ChangesetResponse toResponse(Changeset changeset);

    /** A dismissed changeset with the reason and instant of its dismissal. */
    @Mapping(target = ".", source = "changeset")
    @Mapping(target = "changesetId", source = "changeset.id")
    @Mapping(target = ".", source = "changeset.governance")
    ChangesetResponse toResponse(DismissedChangeset dismissed);

    List<ChangesetResponse> toResponses(List<Changeset> changesets);

    ProposedReadingResponse toResponse(ProposedReading proposal);
}
