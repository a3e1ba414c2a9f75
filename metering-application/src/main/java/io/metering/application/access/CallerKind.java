package io.metering.application.access;

/** The two audiences of the API (docs/domain.md#who-may-do-what). */
public enum CallerKind {
    /** An administrator or back-office system (EpilotAuth): everything inside its organization. */
    ADMIN,
    /** An end customer in the portal (PortalAuth): only the meters of their contact or contracts. */
    PORTAL
}
