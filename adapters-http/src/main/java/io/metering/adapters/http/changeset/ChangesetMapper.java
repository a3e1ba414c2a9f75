package io.metering.adapters.http.changeset;

import io.metering.adapters.http.json.WireCodes;
import io.metering.application.port.in.DismissedChangeset;
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

    @Mapping(target = "changesetId", source = "id")
    @Mapping(target = "editMode", source = "governance.editMode")
    @Mapping(target = "matchStrategy", source = "governance.matchStrategy")
    @Mapping(target = "timestampTolerance", source = "governance.timestampTolerance")
    @Mapping(target = "fuzzyConfig", source = "governance.fuzzyConfig")
    @Mapping(target = "dismissedReason", ignore = true)
    @Mapping(target = "dismissedAt", ignore = true)
    ChangesetResponse toResponse(Changeset changeset);

    /** A dismissed changeset with the reason and instant of its dismissal. */
    @Mapping(target = ".", source = "changeset")
    @Mapping(target = "changesetId", source = "changeset.id")
    @Mapping(target = "editMode", source = "changeset.governance.editMode")
    @Mapping(target = "matchStrategy", source = "changeset.governance.matchStrategy")
    @Mapping(target = "timestampTolerance", source = "changeset.governance.timestampTolerance")
    @Mapping(target = "fuzzyConfig", source = "changeset.governance.fuzzyConfig")
    ChangesetResponse toResponse(DismissedChangeset dismissed);

    List<ChangesetResponse> toResponses(List<Changeset> changesets);

    ProposedReadingResponse toResponse(ProposedReading proposal);
}
