package io.metering.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code metering import} refuses wrong options and files with exit status 2 and one plain message,
 * before it starts a store, never with a stack trace.
 */
class ImportCommandRefusalTest {
    @TempDir
    Path dir;

    private record Run(int status, String err) {}

    private Run run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = new CommandLine(new Main()).execute(args);
            return new Run(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void aChunkSizeOutsideItsRangeIsRefused() throws IOException {
        Path csv = file("r.csv", "meter_id,timestamp,value\n".getBytes(StandardCharsets.UTF_8));
        for (String size : new String[] {"0", "-5", "1000001", "2147483647"}) {
            Run r = run("import", "--org", "o", "--file", csv.toString(), "--chunk-size", size);

            assertThat(r.status()).isEqualTo(ImportCommand.REFUSED);
            assertThat(r.err()).contains("--chunk-size must be 1 to 1000000").doesNotContain("Exception");
        }
    }

    @Test
    void aBinaryFileIsRefusedAsNotUtf8() throws IOException {
        Path bin = file("meter.bin", new byte[] {0x1b, 0x1b, 0x1b, 0x1b, 0x01, 0x01, 0x01, 0x01, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '\n'});

        Run r = run("import", "--org", "o", "--file", bin.toString(), "--no-progress");

        assertThat(r.status()).isEqualTo(ImportCommand.REFUSED);
        assertThat(r.err()).contains("not UTF-8 text").contains("Nothing was stored").doesNotContain("Exception");
    }

    @Test
    void aBrokenEdifactFileIsReadAsMsconsAndRefusedWithAShortMessage() throws IOException {
        String edifact = "UNA:+.? 'UNB+UNOC:3+9900000000003:500+" + "X".repeat(200_000) + "'";
        Path edi = file("sample.edi", edifact.getBytes(StandardCharsets.UTF_8));

        Run r = run("import", "--org", "o", "--file", edi.toString(), "--no-progress");

        assertThat(r.status()).isEqualTo(ImportCommand.REFUSED);
        assertThat(r.err()).contains("Import refused (").contains("segment").contains("Nothing was stored").hasSizeLessThan(2_000)
                .doesNotContain("Exception");
    }

    @Test
    void aFileThatIsNotOurCsvIsRefusedWithAShortMessage() throws IOException {
        Path csv = file("other.csv", ("Datum;Zählerstand" + "X".repeat(200_000) + "\n01.01.2024;5\n").getBytes(StandardCharsets.UTF_8));

        Run r = run("import", "--org", "o", "--file", csv.toString(), "--no-progress");

        assertThat(r.status()).isEqualTo(ImportCommand.REFUSED);
        assertThat(r.err()).contains("unknown column(s)").hasSizeLessThan(2_000).doesNotContain("Exception");
    }
}
