/** Organisations (tenants), their settings, and their areas and processes. */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package dev.ratchet.organisation;
