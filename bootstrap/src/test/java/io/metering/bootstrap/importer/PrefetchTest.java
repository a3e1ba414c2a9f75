package io.metering.bootstrap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reading ahead keeps the source's order and its failure's place. */
class PrefetchTest {
    @Test
    void deliversEveryItemInOrder() {
        List<Integer> source = IntStream.range(0, 12_345).boxed().toList();
        List<Integer> got = new ArrayList<>();

        try (Prefetch<Integer> p = new Prefetch<>(source.iterator(), 2)) {
            p.forEachRemaining(got::add);
            assertThat(p.hasNext()).isFalse();
        }

        assertThat(got).isEqualTo(source);
    }

    @Test
    void aFailureArrivesAfterTheItemsBeforeIt() {
        Iterator<Integer> failing = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (n == 2_500) {
                    throw new IllegalArgumentException("line 2502: bad");
                }
                return n++;
            }
        };
        List<Integer> got = new ArrayList<>();

        try (Prefetch<Integer> p = new Prefetch<>(failing, 3)) {
            assertThatThrownBy(() -> p.forEachRemaining(got::add)).hasMessage("line 2502: bad");
        }

        assertThat(got).hasSize(2_500).endsWith(2_499);
    }
}
