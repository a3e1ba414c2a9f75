package io.metering.adapters.http.changeset;

import io.metering.adapters.http.json.WireCodes;
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
    ChangesetResponse toResponse(Changeset changeset);

    List<ChangesetResponse> toResponses(List<Changeset> changesets);

    ProposedReadingResponse toResponse(ProposedReading proposal);
}
