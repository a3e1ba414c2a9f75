package io.metering.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs the service as its own process: {@code java -jar metering.jar ...}
 * when the build names the packaged jar ({@code -Dmetering.jar=...}, as bootstrap's Failsafe
 * configuration does for the {@code *IT} tests), else the real {@code main} on the test class path.
 */
public final class ServiceCommand {
    /** The system property with the packaged jar's path. */
    public static final String JAR_PROPERTY = "metering.jar";
    /** The service's main class (bootstrap's command line). */
    public static final String MAIN_CLASS = "io.metering.bootstrap.cli.Main";

    private ServiceCommand() {}

    /** The packaged jar, if the build named one that exists. */
    public static Path jar() {
        String jar = System.getProperty(JAR_PROPERTY);
        return jar != null && Files.isRegularFile(Path.of(jar)) ? Path.of(jar) : null;
    }

    /**
     * @param jvmOptions options before the jar or main class, e.g. {@code -Xmx256m}
     * @param args the service's command and its options, e.g. {@code serve}
     */
    public static List<String> of(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions);
        Path jar = jar();
        if (jar != null) {
            cmd.add("-jar");
            cmd.add(jar.toString());
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(MAIN_CLASS);
        }
        cmd.addAll(args);
        return cmd;
    }

    /** The {@code java} of the running JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
