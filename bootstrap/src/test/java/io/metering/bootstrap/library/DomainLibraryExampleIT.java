package io.metering.bootstrap.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example program of docs/domain-library.md, compiled against the domain jar alone and run in a
 * child JVM: it compiles, and prints what the guide says it prints. Runs after the package phase
 * (failsafe), when the domain module's jars exist.
 */
class DomainLibraryExampleIT {
    private static final Path GUIDE = Path.of("..", "docs", "domain-library.md");
    private static Path domainJar;
    private static String guide;

    @BeforeAll
    static void findJar() throws IOException {
        String property = System.getProperty("metering.domain.jar");
        assertThat(property).as("system property metering.domain.jar (set by bootstrap/pom.xml)").isNotBlank();
        domainJar = Path.of(property);
        assertThat(domainJar).as("the domain jar; build it with mvn package").isRegularFile();
        guide = Files.readString(GUIDE);
    }

    @Test
    void theGuidesExampleCompilesAgainstTheDomainJarAloneAndPrintsWhatTheGuideShows(@TempDir Path dir) throws Exception {
        String source = block("java", guide);
        String expected = block("text", guide.substring(guide.indexOf("It prints:")));
        Path src = Files.writeString(dir.resolve("MeterCheck.java"), source);
        Path classes = Files.createDirectories(dir.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("--release", "17", "-classpath", domainJar.toString(), "-d", classes.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src)).call();
        assertThat(compiled).as("javac: %s", diagnostics).isTrue();

        Path out = dir.resolve("out.txt");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", domainJar + java.io.File.pathSeparator + classes, "MeterCheck")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("the example ends").isTrue();
        String printed = Files.readString(out);
        assertThat(run.exitValue()).as("exit status; output: %s", printed).isZero();
        assertThat(printed.strip().lines()).containsExactlyElementsOf(expected.strip().lines().toList());
    }

    @Test
    void theJarNamesItsModuleAndHoldsOnlyTheDomain() throws IOException {
        try (JarFile jar = new JarFile(domainJar.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("io.metering.domain");
            // no bundled dependency: files only of the domain's own packages
            assertThat(Collections.list(jar.entries())).filteredOn(e -> !e.isDirectory()).extracting(e -> e.getName())
                    .contains("io/metering/domain/reading/InMemorySeries.class")
                    .allMatch(name -> name.startsWith("META-INF/") || name.startsWith("io/metering/domain/"));
        }
        String base = domainJar.getFileName().toString().replaceFirst("\\.jar$", "");
        assertThat(domainJar.resolveSibling(base + "-sources.jar")).isRegularFile();
        assertThat(domainJar.resolveSibling(base + "-javadoc.jar")).isRegularFile();
    }

    /** The first fenced code block of this language. */
    private static String block(String language, String markdown) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertThat(m.find()).as("a ```%s block in %s", language, GUIDE).isTrue();
        return m.group(1);
    }
}
