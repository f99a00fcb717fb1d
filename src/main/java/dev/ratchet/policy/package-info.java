/**
 * Policies: the register with versions approved and locked, the built-in Continual Improvement Policy generated from
 * the organisation's own settings, exceptions, non-compliance and compliance checks that raise nonconformities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policies")
package dev.ratchet.policy;
