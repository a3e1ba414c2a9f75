package io.metering.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.bootstrap.config.Configuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code restore} says of the signing secret matches what is there: it generates none, so it
 * tells to copy the old {@code jwt-secret} only where none is, and never that it generated one.
 */
class RestoreSecretsNoteTest {
    @TempDir
    Path dataDir;

    private String note(Map<String, String> env) {
        return RestoreCommand.secretsNote(Configuration.from(env));
    }

    @Test
    void withoutASecretItTellsToCopyTheOldOneIntoTheNewDataDirectory() {
        String note = note(Map.of("METERING_DATA_DIR", dataDir.toString()));

        assertThat(note).contains("the restore created none").contains("copy jwt-secret from the old data directory to "
                + dataDir.resolve("jwt-secret")).contains("or set METERING_JWT_SECRET").doesNotContainIgnoringCase("generated a");
    }

    @Test
    void aSecretAlreadyThereIsKeptAndNoCopyIsAsked() throws IOException {
        Files.writeString(dataDir.resolve("jwt-secret"), "x".repeat(48));

        String note = note(Map.of("METERING_DATA_DIR", dataDir.toString()));

        assertThat(note).contains(dataDir.resolve("jwt-secret") + " was there before and is kept").doesNotContain("copy");
    }

    @Test
    void theVariableNamesTheSecretAndNothingIsToCopy() {
        String note = note(Map.of("METERING_DATA_DIR", dataDir.toString(), "METERING_JWT_SECRET", "s".repeat(40)));

        assertThat(note).contains("signed with METERING_JWT_SECRET").doesNotContain("copy");
    }
}
