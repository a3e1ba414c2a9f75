package io.metering.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The copies a start prepares are the ones the portal and the console then serve. */
class WebPortalPrepareTest {

    @Test
    void prepareMakesTheDirectoriesInstallServes() {
        List<Path> prepared = WebPortal.prepare();

        assertThat(prepared).hasSize(4).allSatisfy(dir -> assertThat(dir).isDirectory());
        assertThat(prepared.get(0).resolve("index.html")).isRegularFile();
        assertThat(prepared.get(3).resolve("index.html")).isRegularFile();
        assertThat(prepared).containsExactly(StaticFiles.directory(WebPortal.PAGES),
                StaticFiles.directory("/META-INF/resources/webjars/uplot/" + WebPortal.webjarVersion(WebPortal.UPLOT_PROPERTIES)),
                StaticFiles.directory(WebPortal.VENDORED), StaticFiles.directory(WebConsole.PAGES));
        assertThat(WebPortal.prepare()).as("a second call copies nothing again").isEqualTo(prepared);
    }

    @Test
    void theUplotCopyHoldsTheLibrary() throws Exception {
        try (var files = Files.walk(WebPortal.prepare().get(1))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("uPlot.min.css");
        }
    }
}
