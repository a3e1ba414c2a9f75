package io.metering.application.port.in.cyclea;

/** One half of a package cycle made on purpose (ArchitectureRulesCanFailTest). */
public class Cyclea {
    io.metering.application.port.in.cycleb.Cycleb other;
}
