package io.metering.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code metering serve}: runs the API with the configured store until stopped. */
@Command(name = ServeCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run the API (port METERING_HTTP_PORT, default 8080) until stopped.")
final class ServeCommand implements Callable<Integer> {
    /** The command's name; a command line of it alone starts without picocli ({@link Main#servesWithoutOptions}). */
    static final String NAME = "serve";

    @Override
    public Integer call() {
        return Serving.run(server -> { }, server -> { });
    }
}
