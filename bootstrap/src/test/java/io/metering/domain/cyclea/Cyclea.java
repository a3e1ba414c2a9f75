package io.metering.domain.cyclea;

/** One half of a package cycle made on purpose (ArchitectureRulesCanFailTest). */
public class Cyclea {
    io.metering.domain.cycleb.Cycleb other;
}
