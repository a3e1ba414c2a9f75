package io.metering.adapters.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.error.ConflictException;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.MeteringException;
import io.metering.domain.error.NotFoundException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    @Test
    @SuppressWarnings("unchecked")
    void everyMemberOfTheSealedFamilyHasAStatus() {
        Class<?>[] members = MeteringException.class.getPermittedSubclasses();

        assertThat(members).isNotEmpty();
        Arrays.stream(members).forEach(c -> assertThat(ErrorMapping.status((Class<? extends MeteringException>) c))
                .as(c.getSimpleName()).isBetween(400, 499));
    }

    @Test
    void statusesFollowArchitectureMd() {
        assertThat(ErrorMapping.status(InvalidRequestException.class)).isEqualTo(400);
        assertThat(ErrorMapping.status(ForbiddenException.class)).isEqualTo(403);
        assertThat(ErrorMapping.status(NotFoundException.class)).isEqualTo(404);
        assertThat(ErrorMapping.status(ConflictException.class)).isEqualTo(409);
    }
}
