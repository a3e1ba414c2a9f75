package io.metering.bootstrap.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record that lets a start skip hashing the unpacked binaries again sees every change another
 * user could make to them, and is trusted only when it is the service user's own (docs/security.md).
 */
class VerifiedBinariesTest {

    @TempDir
    Path tmp;

    private Path dataDir;
    private Path binaries;

    @BeforeEach
    void unpack() throws Exception {
        dataDir = PrivateDirectory.secure(tmp.resolve("data"), "data directory");
        binaries = PostgresBinaries.prepare(dataDir).directory();
    }

    @Test
    void theUnpackedCopyIsRecordedAndUnchangedUntilTouched() throws Exception {
        assertThat(VerifiedBinaries.unchanged(binaries)).isTrue();
        assertThat(PrivateDirectory.mode(binaries.resolveSibling(binaries.getFileName() + ".verified")) & 0777).isEqualTo(0600);
    }

    @Test
    void aFileRewrittenWithItsSizeAndModificationTimeKeptIsSeen() throws Exception {
        Path postgres = binaries.resolve("bin/postgres");
        byte[] bytes = Files.readAllBytes(postgres);
        FileTime modified = Files.getLastModifiedTime(postgres);
        bytes[bytes.length - 1] ^= 1;
        Files.write(postgres, bytes);
        Files.setLastModifiedTime(postgres, modified); // all a user can set back; the change time moves on
        assertThat(VerifiedBinaries.unchanged(binaries)).isFalse();
    }

    @Test
    void aFileReplacedByRenameIsSeen() throws Exception {
        Path lib = binaries.resolve("bin/pg_ctl");
        Path copy = Files.copy(lib, binaries.resolve("bin/pg_ctl.new"));
        Files.setLastModifiedTime(copy, Files.getLastModifiedTime(lib));
        Files.move(copy, lib, StandardCopyOption.REPLACE_EXISTING);
        assertThat(VerifiedBinaries.unchanged(binaries)).isFalse();
    }

    @Test
    void anAddedFileOrAChangedModeIsSeen() throws Exception {
        Files.writeString(binaries.resolve("lib/extra.so"), "");
        assertThat(VerifiedBinaries.unchanged(binaries)).isFalse();
        Files.delete(binaries.resolve("lib/extra.so"));
        VerifiedBinaries.record(binaries);
        Files.setPosixFilePermissions(binaries.resolve("share"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(VerifiedBinaries.unchanged(binaries)).isFalse();
    }

    @Test
    void aRecordOthersCouldReadOrWriteIsNotTrusted() throws Exception {
        Path record = binaries.resolveSibling(binaries.getFileName() + ".verified");
        Files.setPosixFilePermissions(record, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(VerifiedBinaries.unchanged(binaries)).isFalse();
    }

    @Test
    void aMatchingRecordStandsForTheFullComparisonAndAStaleOneDoesNot() throws Exception {
        Path postgres = binaries.resolve("bin/postgres");
        byte[] original = Files.readAllBytes(postgres);
        Files.writeString(postgres, "#!/bin/sh\n");

        // the owner vouches for the changed copy: the start takes the record's word (no rehash)
        VerifiedBinaries.record(binaries);
        PostgresBinaries.prepare(dataDir);
        assertThat(Files.readString(postgres)).isEqualTo("#!/bin/sh\n");

        // without that record the full comparison finds the change and unpacks again
        VerifiedBinaries.forget(binaries);
        PostgresBinaries.prepare(dataDir);
        assertThat(Files.readAllBytes(postgres)).isEqualTo(original);
        assertThat(VerifiedBinaries.unchanged(binaries)).isTrue();
    }
}
