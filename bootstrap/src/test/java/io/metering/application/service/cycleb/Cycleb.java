package io.metering.application.service.cycleb;

/** One half of a package cycle made on purpose (ArchitectureRulesCanFailTest). */
public class Cycleb {
    io.metering.application.service.cyclea.Cyclea other;
}
