package io.metering.application.port.in.archfixture;

/** Breaks a rule on purpose: an incoming port that depends on an outgoing one (ArchitectureRulesCanFailTest). */
interface InSeesOut {
    io.metering.application.port.out.Transactions transactions();
}
