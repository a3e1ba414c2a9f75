package io.metering.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists every setting the service reads, with its default. */
class ReadmeConfigurationTableTest {

    @Test
    void everySettingIsDocumentedWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Setting s : Configuration.SETTINGS) {
            String shown = s.defaultValue() == null ? "(unset)" : s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`";
            assertThat(readme).as("README row of %s", s.name()).contains("| `" + s.name() + "` | " + shown + " |");
        }
    }

    @Test
    void theReadmeDocumentsNoSettingTheServiceDoesNotRead() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\| `(METERING_[A-Z_]+)` \\|").matcher(readme);
        while (m.find()) {
            String name = m.group(1);
            assertThat(Configuration.SETTINGS).as("setting %s in the README", name).anyMatch(s -> s.name().equals(name));
        }
    }
}
