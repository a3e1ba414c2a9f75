package io.metering.application.port.in.counter;

import io.metering.application.model.CounterLocator;
import io.metering.application.access.Caller;

/** Finds meters and counters by the identifiers users have, for imports (docs/import-export.md "Keys"). */
public interface LocateCountersUseCase {
    /**
     * @param caller who imports; only admins may
     * @return a locator for one import, which caches what it finds
     * @throws io.metering.domain.error.ForbiddenException if the caller is not an admin
     */
    CounterLocator locator(Caller caller);
}
