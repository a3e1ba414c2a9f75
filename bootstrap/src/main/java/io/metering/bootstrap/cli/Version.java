package io.metering.bootstrap.cli;

import io.metering.bootstrap.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the release and the bundled PostgreSQL. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {"metering " + build.version() + " (bundled PostgreSQL " + build.postgresVersion() + ")"};
    }
}
