package io.metering.bootstrap.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.metering.testing.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other local users can neither run code through the embedded PostgreSQL's binaries nor reach its
 * data or its server (docs/security.md): binaries unpacked into the private data directory and
 * checked before each start, data directory 0700, password authentication from initdb on, Unix
 * socket in a private directory.
 */
class EmbeddedDatabaseSecurityTest {

    @TempDir
    Path tmp;

    @Test
    void theServerRunsBinariesUnpackedInTheDataDirectory() throws Exception {
        Path dataDir = tmp.resolve("data");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0)) {
            String opts = Files.readString(dataDir.resolve("pgdata/postmaster.opts"), StandardCharsets.UTF_8);
            assertThat(opts).contains("-p\" \"" + db.port() + "\"");
            assertThat(opts).startsWith(dataDir.resolve("postgres-binaries").toRealPath() + "/PG-");
            Path binaries = dataDir.resolve("postgres-binaries");
            assertThat(mode(binaries)).isEqualTo("rwx------");
            try (var dirs = Files.list(binaries)) {
                assertThat(dirs).allSatisfy(d -> assertThat(PrivateDirectory.mode(d) & 0022).as(d.toString()).isZero());
            }
        }
    }

    @Test
    void tamperedOrOpenBinariesAreUnpackedAgainBeforeTheyRun() throws Exception {
        Path dataDir = PrivateDirectory.secure(tmp.resolve("data"), "data directory");
        Path postgres = PostgresBinaries.prepare(dataDir).directory().resolve("bin/postgres");
        byte[] original = Files.readAllBytes(postgres);

        // another user's replacement, in a directory opened to everyone
        Files.setPosixFilePermissions(postgres.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(postgres, "#!/bin/sh\ntouch /tmp/owned\n", StandardCharsets.UTF_8);
        Files.writeString(postgres.resolveSibling("extra-tool"), "#!/bin/sh\n", StandardCharsets.UTF_8);

        Path again = PostgresBinaries.prepare(dataDir).directory().resolve("bin/postgres");
        assertThat(again).isEqualTo(postgres);
        assertThat(Files.readAllBytes(again)).isEqualTo(original);
        assertThat(again.resolveSibling("extra-tool")).doesNotExist();
        assertThat(PrivateDirectory.mode(again.getParent()) & 0022).isZero();
    }

    @Test
    void onlyAWorldWritableModeIsAlsoRepaired() throws Exception {
        Path dataDir = PrivateDirectory.secure(tmp.resolve("data"), "data directory");
        Path lib = PostgresBinaries.prepare(dataDir).directory().resolve("lib");
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(PrivateDirectory.mode(PostgresBinaries.prepare(dataDir).directory().resolve("lib")) & 0022).isZero();
    }

    @Test
    void theDataDirectoryIsCreatedOwnerOnlyAndAnOpenOneIsTightened() throws Exception {
        Path fresh = tmp.resolve("fresh/data");
        PrivateDirectory.secure(fresh, "data directory");
        assertThat(mode(fresh)).isEqualTo("rwx------");

        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateDirectory.secure(open, "data directory");
        assertThat(mode(open)).isEqualTo("rwx------");
    }

    @Test
    void aDataDirectoryBelowADirectoryOthersMayChangeIsRefused() throws Exception {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx")); // no sticky bit
        assertThatThrownBy(() -> EmbeddedDatabase.start(shared.resolve("data"), 0))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("which another user can change");
    }

    @Test
    void aDataDirectoryOfAnotherUserIsRefused() throws Exception {
        assumeTrue(PrivateDirectory.currentUid() == 0, "only root can hand a directory to another user");
        Path foreign = Files.createDirectory(tmp.resolve("foreign"));
        Files.setAttribute(foreign, "unix:uid", 65534);
        assertThatThrownBy(() -> PrivateDirectory.secure(foreign, "data directory"))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("belongs to user id 65534");
    }

    @Test
    void initdbCreatesTheClusterWithPasswordAuthenticationAndAPrivateSocket() throws Exception {
        Path dataDir = PrivateDirectory.secure(tmp.resolve("data"), "data directory");
        String password = DatabasePassword.resolve(dataDir);
        int port = FreePorts.free();
        // the cluster exactly as initdb and the first start leave it, before any later step
        try (EmbeddedPostgres pg = EmbeddedDatabase.cluster(dataDir, port, password, PostgresBinaries.prepare(dataDir)).start()) {
            assertThat(Files.readAllLines(dataDir.resolve("pgdata/pg_hba.conf"), StandardCharsets.UTF_8))
                    .filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
                    .isNotEmpty()
                    .noneMatch(line -> line.contains("trust"));
            String url = pg.getJdbcUrl("postgres", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close()).isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(url, "postgres", password);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW unix_socket_directories")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(dataDir.toAbsolutePath().resolve("socket").toString());
            }
            assertThat(dataDir.resolve("socket/.s.PGSQL." + port)).exists();
            assertThat(mode(dataDir.resolve("socket"))).isEqualTo("rwx------");
            assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
