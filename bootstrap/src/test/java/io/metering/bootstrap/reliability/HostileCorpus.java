package io.metering.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The hostile inputs of {@code reliability/hostile-input.json}, by category (see the file's comment). */
final class HostileCorpus {
    private final JsonNode root;

    private HostileCorpus(JsonNode root) {
        this.root = root;
    }

    static HostileCorpus load() {
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/reliability/hostile-input.json")) {
            return new HostileCorpus(Http.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a category. */
    List<String> list(String category) {
        JsonNode n = root.get(category);
        if (n == null) {
            throw new IllegalArgumentException("no corpus category " + category);
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    /** A random entry of a category. */
    String pick(String category, Random random) {
        List<String> l = list(category);
        return l.get(random.nextInt(l.size()));
    }
}
