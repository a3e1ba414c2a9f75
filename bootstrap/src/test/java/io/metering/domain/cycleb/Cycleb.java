package io.metering.domain.cycleb;

/** One half of a package cycle made on purpose (ArchitectureRulesCanFailTest). */
public class Cycleb {
    io.metering.domain.cyclea.Cyclea other;
}
