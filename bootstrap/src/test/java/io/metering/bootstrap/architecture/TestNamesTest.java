package io.metering.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The test naming scheme of docs/architecture.md ("Test names"), checked over the test sources of
 * every module: a name outside the scheme is a test that Surefire or Failsafe silently skips, or one
 * that runs in the wrong phase.
 */
class TestNamesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern TEST_METHOD = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory)\\b");
    private static final Pattern RUNS_THE_SERVICE_PROCESS = Pattern.compile("ServiceProcess\\.start\\(|ServiceCommand\\.of\\(");

    @Test
    void everyClassWithTestMethodsIsNamedTestOrIT() {
        assertThat(testSources().filter(f -> TEST_METHOD.matcher(read(f)).find()).map(TestNamesTest::name))
                .isNotEmpty()
                .allMatch(n -> n.endsWith("Test") || n.endsWith("IT"));
    }

    @Test
    void testsThatRunTheServiceAsItsOwnProcessAreITs() {
        assertThat(testSources().filter(f -> name(f).endsWith("Test") && RUNS_THE_SERVICE_PROCESS.matcher(read(f)).find())
                .map(Path::toString)).as("run by Failsafe after package, against the jar: name them *IT").isEmpty();
    }

    @Test
    void onlyBootstrapHasITsBecauseOnlyItRunsFailsafe() {
        List<Path> its = testSources().filter(f -> name(f).endsWith("IT")).toList();
        assertThat(its).isNotEmpty().allMatch(f -> f.normalize().startsWith(Path.of("..", "bootstrap").normalize()));
    }

    private static Stream<Path> testSources() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).toList().stream()
                    .flatMap(TestNamesTest::javaFiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - ".java".length());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
