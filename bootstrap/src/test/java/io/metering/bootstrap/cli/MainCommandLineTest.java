package io.metering.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Only a command line that picocli would run as a plain {@code serve} starts without picocli. */
class MainCommandLineTest {

    @Test
    void anEmptyCommandLineOrServeAloneServesWithoutParsing() {
        assertThat(Main.servesWithoutOptions(new String[0])).isTrue();
        assertThat(Main.servesWithoutOptions(new String[] {"serve"})).isTrue();
    }

    @Test
    void everyOtherCommandLineGoesThroughPicocli() {
        assertThat(Main.servesWithoutOptions(new String[] {"serve", "--help"})).isFalse();
        assertThat(Main.servesWithoutOptions(new String[] {"--version"})).isFalse();
        assertThat(Main.servesWithoutOptions(new String[] {"demo"})).isFalse();
        assertThat(Main.servesWithoutOptions(new String[] {"Serve"})).isFalse();
        assertThat(Main.servesWithoutOptions(new String[] {"serve", "serve"})).isFalse();
    }

    @Test
    void picocliRunsTheSameCommandLinesAsAPlainServe() {
        ParseResult serve = new CommandLine(new Main()).parseArgs(ServeCommand.NAME);
        ParseResult none = new CommandLine(new Main()).parseArgs();

        assertThat(serve.subcommand().commandSpec().userObject()).isInstanceOf(ServeCommand.class);
        assertThat(serve.subcommand().hasSubcommand()).isFalse();
        assertThat(serve.subcommand().matchedArgs()).isEmpty();
        assertThat(none.hasSubcommand()).isFalse();
        assertThat(none.commandSpec().userObject()).isInstanceOf(Main.class);
    }

    @Test
    void everySubcommandPrintsTheVersionItsHelpOffers() {
        CommandLine cli = new CommandLine(new Main());
        String expected = String.join("\n", cli.getCommandSpec().version());
        for (String name : cli.getSubcommands().keySet()) {
            StringWriter out = new StringWriter();
            CommandLine fresh = new CommandLine(new Main());
            fresh.setOut(new PrintWriter(out));
            assertThat(fresh.execute(name, "-V")).as(name + " -V").isZero();
            assertThat(out.toString().strip()).as(name + " -V").isEqualTo(expected.strip()).isNotBlank();
        }
    }
}
