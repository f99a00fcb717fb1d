/**
 * Evidence bundles: for a chosen period, one ZIP an auditor takes away (audit programme and reports, management
 * review minutes, policy versions, the registers as XLSX and the history verification), with a manifest of SHA-256
 * hashes; built in the background with visible progress.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence bundle")
package dev.ratchet.bundle;
