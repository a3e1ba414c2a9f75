package io.metering.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build is: the release (the Maven project version, also in the jar manifest's
 * {@code Implementation-Version}) and the PostgreSQL release whose binaries it bundles. Maven writes
 * both into {@code build.properties} at build time, so they are right in tests as in the jar.
 *
 * @param version the release, e.g. {@code 0.9.0}
 * @param postgresVersion the bundled PostgreSQL, e.g. {@code 17.5.0}
 */
public record BuildInfo(String version, String postgresVersion) {
    private static final BuildInfo CURRENT = load();

    /** This build. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** The bundled PostgreSQL's major version ({@code 17} of {@code 17.5.0}), as PG_VERSION files name it. */
    public String postgresMajor() {
        int dot = postgresVersion.indexOf('.');
        return dot < 0 ? postgresVersion : postgresVersion.substring(0, dot);
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the class path; build with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(p.getProperty("version"), p.getProperty("postgres.version"));
    }
}
