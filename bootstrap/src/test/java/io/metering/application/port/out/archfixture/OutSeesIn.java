package io.metering.application.port.out.archfixture;

/** Breaks a rule on purpose: an outgoing port that depends on an incoming one (ArchitectureRulesCanFailTest). */
interface OutSeesIn {
    io.metering.application.port.in.UseCases useCases();
}
