package io.metering.application.service.cyclea;

/** One half of a package cycle made on purpose (ArchitectureRulesCanFailTest). */
public class Cyclea {
    io.metering.application.service.cycleb.Cycleb other;
}
