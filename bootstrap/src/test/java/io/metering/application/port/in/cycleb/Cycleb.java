package io.metering.application.port.in.cycleb;

/** One half of a package cycle made on purpose (ArchitectureRulesCanFailTest). */
public class Cycleb {
    io.metering.application.port.in.cyclea.Cyclea other;
}
