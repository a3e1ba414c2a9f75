package io.metering.bootstrap.cli;

import io.metering.bootstrap.JulBridge;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of the single jar: {@code serve} (the default), {@code demo}, {@code import},
 * {@code backup}, {@code restore} and
 * {@code token}. Configuration comes from environment variables (see the README's table).
 */
@Command(name = "metering", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Meters, counters and cumulative readings for energy and water suppliers (Metering API 1.2.0).",
        subcommands = {ServeCommand.class, DemoCommand.class, TokenCommand.class, ImportCommand.class, BackupCommand.class,
            RestoreCommand.class})
public final class Main implements Callable<Integer> {

    /**
     * Runs a command, {@code serve} when none is named, and exits with its status. Serving
     * commands return only once the service has been stopped (SIGTERM or Ctrl-C).
     *
     * @param args command line arguments
     */
    public static void main(String[] args) {
        JulBridge.install();
        System.exit(servesWithoutOptions(args) ? new ServeCommand().call() : new CommandLine(new Main()).execute(args));
    }

    /**
     * Whether the command line is {@code serve} alone or empty: nothing to parse, so the start leaves
     * picocli out. picocli's classes are Java 5 class files, which the JVM's class-data archive
     * cannot hold: each run would load and verify them from the jar, a good part of a start
     * (docs/benchmarks.md, "Start-up"). Every other command line, {@code serve --help} included,
     * goes through picocli.
     */
    static boolean servesWithoutOptions(String[] args) {
        return args.length == 0 || args.length == 1 && ServeCommand.NAME.equals(args[0]);
    }

    @Override
    public Integer call() {
        return new ServeCommand().call();
    }
}
