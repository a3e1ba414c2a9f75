package io.metering.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module graph is the architecture (docs/architecture.md#shape): the domain depends on nothing,
 * the application only on the domain, the two adapters never see each other, and only bootstrap
 * knows every module. Each rule's target package is guarded against being empty, because a rule
 * over a package that does not exist passes silently.
 */
class ArchitectureTest {
    private static final String DOMAIN = "io.metering.domain..";
    private static final String APPLICATION = "io.metering.application..";
    private static final String HTTP = "io.metering.adapters.http..";
    private static final String PERSISTENCE = "io.metering.adapters.persistence..";
    private static final String BOOTSTRAP = "io.metering.bootstrap..";
    private static final String WEB = "io.metering.adapters.web..";
    private static final String ADAPTERS = "io.metering.adapters..";
    private static final String PORT_IN = "io.metering.application.port.in..";
    private static final String PORT_OUT = "io.metering.application.port.out..";
    private static final String SERVICES = "io.metering.application.service..";

    /** The adapters call incoming ports and implement outgoing ones; which service answers is bootstrap's choice. */
    static final ArchRule ADAPTERS_DO_NOT_SEE_SERVICES = neverSees(ADAPTERS, SERVICES);
    /** What both sides share (an import's rows and jobs, pages) lives in application.model. */
    static final ArchRule PORT_IN_DOES_NOT_SEE_PORT_OUT = neverSees(PORT_IN, PORT_OUT);
    static final ArchRule PORT_OUT_DOES_NOT_SEE_PORT_IN = neverSees(PORT_OUT, PORT_IN);
    /** A meter's governance settings live in domain.governance, which both meter and changeset use. */
    static final ArchRule DOMAIN_PACKAGES_FREE_OF_CYCLES = slices().matching("io.metering.domain.(*)..").should().beFreeOfCycles();
    /** A feature (reading, batch, meter ...) may use the write path and the shared helpers, never the other way round. */
    static final ArchRule SERVICE_FEATURES_FREE_OF_CYCLES =
            slices().matching("io.metering.application.service.(*)..").should().beFreeOfCycles();
    static final ArchRule USE_CASE_FEATURES_FREE_OF_CYCLES =
            slices().matching("io.metering.application.port.in.(*)..").should().beFreeOfCycles();

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // in the package phase the application's test fakes arrive as a -tests.jar
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.metering");
    }

    @ParameterizedTest
    @ValueSource(strings = {DOMAIN, APPLICATION, HTTP, PERSISTENCE, BOOTSTRAP, WEB, ADAPTERS, PORT_IN, PORT_OUT, SERVICES,
        "io.metering.domain.meter..", "io.metering.domain.changeset..", "io.metering.domain.governance..",
        "io.metering.application.service.write..", "io.metering.application.service.reading..",
        "io.metering.application.port.in.reading..", "io.metering.application.port.in.batch.."})
    void everyGuardedPackageHasClasses(String pkg) {
        assertThat(classes.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(pkg)))
                .as("classes in %s", pkg)
                .isNotEmpty();
    }

    @Test
    void theDomainDependsOnNothingButTheJdk() {
        ArchRule rule = classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");
        rule.check(classes);
    }

    @Test
    void theApplicationDependsOnlyOnTheDomainAndTheJdk() {
        ArchRule rule = classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..");
        rule.check(classes);
    }

    @Test
    void theHttpAdapterDoesNotSeeThePersistenceAdapter() {
        neverSees(HTTP, PERSISTENCE).check(classes);
    }

    @Test
    void thePersistenceAdapterDoesNotSeeTheHttpAdapter() {
        neverSees(PERSISTENCE, HTTP).check(classes);
    }

    @Test
    void theWebAdapterKnowsNoOtherModule() {
        // the portal is a client of the public API over HTTP: it never sees the Java types behind it
        noClasses().that().resideInAPackage(WEB).should().dependOnClassesThat()
                .resideInAnyPackage(DOMAIN, APPLICATION, HTTP, PERSISTENCE, BOOTSTRAP).check(classes);
    }

    @Test
    void adaptersSeeUseCasesNotTheServicesBehindThem() {
        ADAPTERS_DO_NOT_SEE_SERVICES.check(classes);
    }

    @Test
    void incomingAndOutgoingPortsDoNotSeeEachOther() {
        PORT_IN_DOES_NOT_SEE_PORT_OUT.check(classes);
        PORT_OUT_DOES_NOT_SEE_PORT_IN.check(classes);
    }

    /** No class of {@code from} depends on a class of {@code to}. */
    private static ArchRule neverSees(String from, String to) {
        return noClasses().that().resideInAPackage(from).should().dependOnClassesThat().resideInAPackage(to);
    }

    @Test
    void theDomainPackagesFormNoCycle() {
        DOMAIN_PACKAGES_FREE_OF_CYCLES.check(classes);
    }

    @Test
    void theApplicationsFeaturePackagesFormNoCycle() {
        SERVICE_FEATURES_FREE_OF_CYCLES.check(classes);
        USE_CASE_FEATURES_FREE_OF_CYCLES.check(classes);
    }

    @Test
    void nothingButBootstrapDependsOnBootstrap() {
        noClasses().that().resideOutsideOfPackage(BOOTSTRAP).should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
                .check(classes);
    }

    @Test
    void domainAndApplicationNeverReadTheSystemClock() {
        noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .because("time is injected as a Clock (docs/architecture.md)")
                .check(classes);
    }

    @Test
    void theDomainUsesNoBinaryFloatingPoint() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class)
                .because("reading values are exact decimals end to end (docs/domain.md)")
                .check(classes);
    }

    @Test
    void useCasesAreInterfacesImplementedByServices() {
        classes().that().resideInAPackage("io.metering.application.port.in..").and().haveSimpleNameEndingWith("UseCase")
                .should().beInterfaces().check(classes);
        classes().that().resideInAPackage("io.metering.application.port.in..").and().haveSimpleNameEndingWith("Query")
                .should().beInterfaces().check(classes);
        classes().that().resideInAPackage("io.metering.application.port.out..").and().haveSimpleNameEndingWith("Repository")
                .should().beInterfaces().check(classes);
        assertThat(Stream.of("UseCase", "Query").mapToLong(suffix -> classes.stream()
                .filter(c -> c.getPackageName().startsWith("io.metering.application.port.in"))
                .filter(c -> c.getSimpleName().endsWith(suffix)).count()).sum())
                .as("use case and query interfaces")
                .isGreaterThanOrEqualTo(5);
    }
}
