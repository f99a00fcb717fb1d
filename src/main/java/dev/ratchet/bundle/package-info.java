/**
 * Evidence bundles: for a chosen period, one ZIP an auditor takes away (the audit programme and reports, the frozen
 * review packs and approved minutes, policy versions, each as PDF and DOCX; a record document and the evidence files of
 * every improvement record worked on in the period; the registers as XLSX and the history verification), with a manifest
 * of SHA-256 hashes; built in the background with visible progress.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence bundle")
package dev.ratchet.bundle;
