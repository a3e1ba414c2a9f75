package io.metering.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each structural rule of {@link ArchitectureTest} rejects a class set made to break it: the fixtures
 * in this module's test sources ({@code ..archfixture}, {@code ..cyclea}/{@code ..cycleb}) are a
 * service seen by an adapter, ports that see each other, and one package cycle each in the domain,
 * the services and the use cases. A rule that cannot fail would guard nothing.
 */
class ArchitectureRulesCanFailTest {

    @Test
    void anAdapterThatSeesAServiceIsRejected() {
        assertRejects(ArchitectureTest.ADAPTERS_DO_NOT_SEE_SERVICES, "io.metering.adapters.archfixture");
    }

    @Test
    void portsThatSeeEachOtherAreRejected() {
        assertRejects(ArchitectureTest.PORT_IN_DOES_NOT_SEE_PORT_OUT, "io.metering.application.port.in.archfixture");
        assertRejects(ArchitectureTest.PORT_OUT_DOES_NOT_SEE_PORT_IN, "io.metering.application.port.out.archfixture");
    }

    @Test
    void packageCyclesAreRejected() {
        assertRejects(ArchitectureTest.DOMAIN_PACKAGES_FREE_OF_CYCLES,
                "io.metering.domain.cyclea", "io.metering.domain.cycleb");
        assertRejects(ArchitectureTest.SERVICE_FEATURES_FREE_OF_CYCLES,
                "io.metering.application.service.cyclea", "io.metering.application.service.cycleb");
        assertRejects(ArchitectureTest.USE_CASE_FEATURES_FREE_OF_CYCLES,
                "io.metering.application.port.in.cyclea", "io.metering.application.port.in.cycleb");
    }

    private static void assertRejects(ArchRule rule, String... fixturePackages) {
        JavaClasses fixtures = new ClassFileImporter().importPackages(fixturePackages);
        assertThat(fixtures).as("fixture classes in %s", String.join(", ", fixturePackages)).isNotEmpty();
        assertThat(rule.evaluate(fixtures).hasViolation()).as("%s rejects its fixture", rule.getDescription()).isTrue();
    }
}
