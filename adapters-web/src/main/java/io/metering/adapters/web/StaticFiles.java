package io.metering.adapters.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The portal's and console's static files as a directory on disk, for Jetty's static-file handler.
 *
 * <p>Served straight from the class path inside the service's one jar, Jetty opens the jar as a zip
 * file system per handler and keeps its whole index (15,000 entries) for the process's life: about
 * 80 MB of heap in all and a quarter of a second of start-up (docs/benchmarks.md, "Steady state and peak RSS"). So a
 * class-path directory inside a jar is copied once per process into a private temporary directory
 * (read through {@link JarFile}, whose index is dropped when it closes) and served from there; a
 * directory already on disk (tests, an unpacked build) is served where it is.
 */
final class StaticFiles {
    private static final Map<String, Path> DIRECTORIES = new ConcurrentHashMap<>();
    /** Copies are named {@code metering-web-<pid>-<random>}: the pid tells whose copy it is. */
    static final String PREFIX = "metering-web-";

    static {
        // once per process, before its first copy: not once per copied directory
        removeLeftOvers();
    }

    private StaticFiles() {
    }

    /**
     * The directory holding the files of a class-path directory.
     *
     * @param classpathDirectory e.g. {@code /io/metering/adapters/web/portal}
     * @throws IllegalStateException if there is no such directory
     * @throws UncheckedIOException if the files cannot be copied
     */
    static Path directory(String classpathDirectory) {
        return DIRECTORIES.computeIfAbsent(classpathDirectory, StaticFiles::locate);
    }

    private static Path locate(String classpathDirectory) {
        URL url = StaticFiles.class.getResource(classpathDirectory);
        if (url == null) {
            // a WebJar's jar has no entry for its directories: find one of its files instead
            url = StaticFiles.class.getResource(classpathDirectory + "/");
        }
        try {
            if (url != null && "file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            String prefix = classpathDirectory.substring(1) + "/";
            URL jar = url != null ? url : jarOf(classpathDirectory);
            return copy(((JarURLConnection) jar.openConnection()).getJarFileURL(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("the static files of " + classpathDirectory + " could not be copied", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jar URL of the jar holding the code, for directories the jar has no entry of. */
    private static URL jarOf(String classpathDirectory) throws IOException {
        URL self = StaticFiles.class.getResource(StaticFiles.class.getSimpleName() + ".class");
        if (self == null || !"jar".equals(self.getProtocol())) {
            throw new IllegalStateException("missing static files " + classpathDirectory);
        }
        return self;
    }

    private static Path copy(URL jarFile, String prefix) throws IOException, URISyntaxException {
        Path target = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-"); // owner-only
        target.toFile().deleteOnExit();
        int copied = 0;
        try (JarFile jar = new JarFile(new File(jarFile.toURI()))) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix) || entry.getName().length() == prefix.length()) {
                    continue;
                }
                Path path = target.resolve(entry.getName().substring(prefix.length())).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("an entry points outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    path.toFile().deleteOnExit();
                    continue;
                }
                Files.createDirectories(path.getParent());
                path.getParent().toFile().deleteOnExit();
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, path);
                }
                path.toFile().deleteOnExit();
                copied++;
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("missing static files /" + prefix);
        }
        return target;
    }

    /**
     * Removes the copies of processes that no longer run: a process killed without its exit hooks
     * (SIGKILL, out of memory) leaves its copy behind. Copies of running processes, this
     * service's other instances included, are kept; what cannot be removed is left for the next start.
     */
    static void removeLeftOvers() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (owner(dir).map(pid -> ProcessHandle.of(pid).isEmpty()).orElse(false)) {
                    deleteTree(dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a left-over copy costs disk space, never correctness
        }
    }

    /** The pid in a copy's name, if it has one. */
    static Optional<Long> owner(Path dir) {
        String rest = dir.getFileName().toString().substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash > 0 ? Optional.of(Long.parseLong(rest.substring(0, dash))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
