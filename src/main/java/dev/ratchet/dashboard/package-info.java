/**
 * The dashboard: where the organisation's improvement loop stands, counted in the database by the modules that own
 * the figures, each chart linking to the register it counts. A person who only owns actions starts on their actions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package dev.ratchet.dashboard;
