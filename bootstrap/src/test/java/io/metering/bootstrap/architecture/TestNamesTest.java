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
    /** An annotation's arguments, strings and one level of nested parentheses included. */
    private static final String ARGS = "(?:\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\"|\\([^()]*\\))*\\))?";
    /**
     * A test method's declaration up to its name: the test annotation, further annotations,
     * modifiers and the return type, then the name before {@code (}.
     */
    private static final Pattern TEST_METHOD_NAME = Pattern.compile("@(?:Test|ParameterizedTest|RepeatedTest|TestFactory)\\b" + ARGS
            + "(?:\\s*@[\\w.]+" + ARGS + ")*\\s*(?:(?:public|protected|private|static|final)\\s+)*[\\w.<>\\[\\]?, ]+?\\s+(\\w+)\\s*\\(");
    private static final Pattern LOWER_CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern RUNS_THE_SERVICE_PROCESS = Pattern.compile("ServiceProcess\\.start\\(|ServiceCommand\\.of\\(");

    @Test
    void everyClassWithTestMethodsIsNamedTestOrIT() {
        assertThat(testSources().filter(f -> TEST_METHOD.matcher(read(f)).find()).map(TestNamesTest::name))
                .isNotEmpty()
                .allMatch(n -> n.endsWith("Test") || n.endsWith("IT"));
    }

    @Test
    void testMethodsAreNamedInLowerCamelCase() {
        List<String> methods = testSources().flatMap(f -> testMethodNames(read(f)).stream().map(n -> name(f) + "#" + n)).toList();

        assertThat(methods).isNotEmpty();
        assertThat(methods).filteredOn(m -> !LOWER_CAMEL_CASE.matcher(m.substring(m.indexOf('#') + 1)).matches())
                .as("test methods are sentences in lower camel case (docs/architecture.md)").isEmpty();
    }

    @Test
    void theNamingRuleFindsEveryKindOfTestMethodAndRejectsSnakeCase() {
        // § stands for the at sign, so that this fixture is no test source of its own to the rule above
        String source = """
                class SomeTest {
                    §Test
                    void aCamelCaseSentence() {}

                    §ParameterizedTest(name = "{0}")
                    §ValueSource(strings = {"a(b)", "c"})
                    public void a_snake_case_sentence(String s) throws Exception {}

                    §Test §Order(2) void another_one() {}

                    §TestFactory
                    Stream<DynamicTest> dynamic_ones() { return Stream.empty(); }

                    /** Not a {§code §Test}. */
                    void notATest_helper() {}
                }
                """.replace('§', '@');
        assertThat(testMethodNames(source)).containsExactly("aCamelCaseSentence", "a_snake_case_sentence", "another_one", "dynamic_ones");
        assertThat(testMethodNames(source)).filteredOn(n -> !LOWER_CAMEL_CASE.matcher(n).matches()).hasSize(3);
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

    /** The names of the source's {@code @Test}, {@code @ParameterizedTest}, {@code @RepeatedTest} and {@code @TestFactory} methods. */
    static List<String> testMethodNames(String source) {
        return TEST_METHOD_NAME.matcher(source).results().map(m -> m.group(1)).toList();
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
