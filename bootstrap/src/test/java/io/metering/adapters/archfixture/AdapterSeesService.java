package io.metering.adapters.archfixture;

/** Breaks a rule on purpose: an adapter that depends on a service (ArchitectureRulesCanFailTest). */
class AdapterSeesService {
    io.metering.application.service.write.ReadingWriter writer;
}
