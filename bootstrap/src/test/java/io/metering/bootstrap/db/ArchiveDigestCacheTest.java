package io.metering.bootstrap.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's MD5 is taken from the record only while the class path is the very same files, so
 * a changed or replaced jar always reads the archive again (docs/security.md).
 */
class ArchiveDigestCacheTest {

    @TempDir
    Path tmp;

    private String classPath;
    private Path root;
    private Path jar;

    @BeforeEach
    void classPathOfOneJar() throws Exception {
        classPath = System.getProperty("java.class.path");
        root = PrivateDirectory.secure(tmp.resolve("postgres-binaries"), "directory of the PostgreSQL binaries");
        jar = Files.writeString(tmp.resolve("metering.jar"), "a jar");
        System.setProperty("java.class.path", jar.toString());
    }

    @AfterEach
    void restoreClassPath() {
        System.setProperty("java.class.path", classPath);
    }

    @Test
    void theRememberedMd5IsGivenWhileTheJarIsTheSame() throws Exception {
        assertThat(ArchiveDigestCache.md5(root)).isEmpty();
        ArchiveDigestCache.remember(root, "75b6901d");
        assertThat(ArchiveDigestCache.md5(root)).contains("75b6901d");
        assertThat(PrivateDirectory.mode(root.resolve("archive.md5")) & 0777).isEqualTo(0600);
    }

    @Test
    void aJarChangedInPlaceOrReplacedIsReadAgain() throws Exception {
        ArchiveDigestCache.remember(root, "75b6901d");
        Files.writeString(jar, "!", StandardOpenOption.APPEND);
        assertThat(ArchiveDigestCache.md5(root)).isEmpty();

        ArchiveDigestCache.remember(root, "75b6901d");
        Path other = Files.writeString(tmp.resolve("other.jar"), "a jar!");
        Files.move(other, jar, StandardCopyOption.REPLACE_EXISTING);
        assertThat(ArchiveDigestCache.md5(root)).isEmpty();
    }

    @Test
    void aClassPathWithADirectoryIsNeverRemembered() throws Exception {
        System.setProperty("java.class.path", jar + File.pathSeparator + tmp);
        ArchiveDigestCache.remember(root, "75b6901d");
        assertThat(root.resolve("archive.md5")).doesNotExist();
        assertThat(ArchiveDigestCache.md5(root)).isEmpty();
    }

    @Test
    void aRecordOthersMayReadOrWriteIsNotTrusted() throws Exception {
        ArchiveDigestCache.remember(root, "75b6901d");
        Files.setPosixFilePermissions(root.resolve("archive.md5"), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(ArchiveDigestCache.md5(root)).isEmpty();
    }
}
