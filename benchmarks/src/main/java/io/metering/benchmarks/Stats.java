package io.metering.benchmarks;

import java.util.Arrays;

/** Latency percentiles of a sample, in milliseconds. */
final class Stats {
    private final double[] sortedMillis;

    Stats(long[] nanos) {
        sortedMillis = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
    }

    /** The q-quantile (nearest rank), e.g. 0.99. */
    double quantile(double q) {
        int rank = (int) Math.ceil(q * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }

    double p50() {
        return quantile(0.50);
    }

    double p99() {
        return quantile(0.99);
    }

    /** The sum of the sample, in milliseconds. */
    double sum() {
        return java.util.Arrays.stream(sortedMillis).sum();
    }

    int count() {
        return sortedMillis.length;
    }
}
