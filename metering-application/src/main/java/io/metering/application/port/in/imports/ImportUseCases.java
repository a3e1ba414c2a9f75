package io.metering.application.port.in.imports;

import io.metering.application.port.in.UseCases;
import java.util.Objects;

/**
 * The incoming ports of imports and load profiles that the HTTP adapter drives beside {@link UseCases}.
 *
 * @param jobs imports of uploaded files
 * @param intervalValues a counter's interval values
 */
public record ImportUseCases(ImportJobsUseCase jobs, IntervalValuesQuery intervalValues) {
    /** @throws NullPointerException if a use case is missing */
    public ImportUseCases {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(intervalValues, "intervalValues");
    }
}
