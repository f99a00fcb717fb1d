/**
 * The incident learning record: what happened, how it was handled and what was learnt, and the nonconformities and
 * opportunities it raised. Ratchet is not an incident-response tool: incidents come in by hand or by CSV import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents")
package dev.ratchet.incident;
