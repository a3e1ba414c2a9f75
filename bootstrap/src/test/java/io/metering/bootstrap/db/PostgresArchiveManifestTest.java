package io.metering.bootstrap.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The manifest in the jar ({@link PostgresArchiveManifest}) describes exactly the bundled archive,
 * so a start may check the unpacked binaries against it without decompressing the archive. When
 * the bundled binaries change this test fails; the manifest it computed is then in
 * {@code bootstrap/target/postgres-archive.manifest}: copy it to
 * {@code bootstrap/src/main/resources/io/metering/bootstrap/db/}.
 */
class PostgresArchiveManifestTest {

    @Test
    void theStoredManifestIsTheBundledArchiveReadInFull() throws IOException {
        PostgresArchive read = PostgresArchive.read();
        Files.writeString(Path.of("target", PostgresArchiveManifest.RESOURCE), PostgresArchiveManifest.text(read),
                StandardCharsets.UTF_8);

        assertThat(PostgresArchiveManifest.stored())
                .as("the stored manifest; regenerate it from target/%s", PostgresArchiveManifest.RESOURCE)
                .contains(read);
        assertThat(read.entries()).containsKeys("bin/postgres", "bin/pg_ctl");
        assertThat(PostgresArchiveManifest.bundled()).isEqualTo(read);
    }

    @Test
    void aManifestReadsBackAsWritten() throws IOException {
        PostgresArchive archive = new PostgresArchive("0f", Map.of("bin", "dir", "bin/postgres", "file ab", "lib/x.so", "link x.so.1"));

        assertThat(PostgresArchiveManifest.parse(PostgresArchiveManifest.text(archive))).isEqualTo(archive);
    }

    @Test
    void aDamagedManifestIsRefused() {
        assertThatThrownBy(() -> PostgresArchiveManifest.parse("bin\tdir\n")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PostgresArchiveManifest.parse("md5 0f\nbin dir\n")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PostgresArchiveManifest.parse("md5 0f\nbin\tdir\nbin\tdir\n")).isInstanceOf(IOException.class);
    }
}
