package io.metering.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Static files inside a jar are served from one private copy on disk, byte for byte (docs/benchmarks.md "Steady state and peak RSS"). */
class StaticFilesTest {
    @Test
    void aDirectoryInsideAJarIsCopiedOnceWithItsFilesUnchanged() throws Exception {
        // the uPlot WebJar is a jar on the test class path, as every page directory is inside the service's jar
        String root = "/META-INF/resources/webjars/uplot/" + WebPortal.webjarVersion(WebPortal.UPLOT_PROPERTIES);
        assertThat(StaticFilesTest.class.getResource(root + "/dist/uPlot.min.css").getProtocol()).isEqualTo("jar");

        Path copy = StaticFiles.directory(root);

        Path file = copy.resolve("dist/uPlot.min.css");
        assertThat(file).isRegularFile();
        try (InputStream original = StaticFilesTest.class.getResourceAsStream(root + "/dist/uPlot.min.css")) {
            assertThat(Files.readAllBytes(file)).isEqualTo(original.readAllBytes());
        }
        assertThat(copy.getFileName().toString()).startsWith("metering-web-");
        assertThat(copy.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void theSameDirectoryIsCopiedOnlyOnce() {
        String root = "/META-INF/resources/webjars/uplot/" + WebPortal.webjarVersion(WebPortal.UPLOT_PROPERTIES);
        assertThat(StaticFiles.directory(root)).isSameAs(StaticFiles.directory(root));
    }

    @Test
    void aDirectoryOnDiskIsServedWhereItIs() {
        Path pages = StaticFiles.directory(WebPortal.PAGES);
        assertThat(pages.resolve("index.html")).isRegularFile();
        assertThat(pages.toString()).doesNotContain("metering-web-");
    }

    @Test
    void aMissingDirectoryIsRefused() {
        assertThatThrownBy(() -> StaticFiles.directory("/io/metering/adapters/web/no-such-directory"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCopyLeftByAProcessThatNoLongerRunsIsRemovedAndOthersAreKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path left = Files.createTempDirectory(StaticFiles.PREFIX + gone.pid() + "-");
        Files.writeString(Files.createDirectories(left.resolve("css")).resolve("a.css"), "a {}");
        Path mine = Files.createTempDirectory(StaticFiles.PREFIX + ProcessHandle.current().pid() + "-");
        Path foreign = Files.createTempDirectory(StaticFiles.PREFIX + "notapid-");
        try {
            StaticFiles.removeLeftOvers();

            assertThat(left).doesNotExist();
            assertThat(mine).isDirectory();
            assertThat(foreign).isDirectory();
            assertThat(left.getParent()).isEqualTo(tmp);
        } finally {
            Files.deleteIfExists(mine);
            Files.deleteIfExists(foreign);
        }
    }
}
