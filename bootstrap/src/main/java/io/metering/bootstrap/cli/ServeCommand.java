package io.metering.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code metering serve}: runs the API with the configured store until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the API (port METERING_HTTP_PORT, default 8080) until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Serving.run(server -> { }, server -> { });
    }
}
