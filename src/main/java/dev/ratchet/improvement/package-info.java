/**
 * The improvement register: nonconformities with the clause 10.2 corrective-action workflow, and opportunities for
 * improvement (10.1). The incident and corrective action log an auditor reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Improvement")
package dev.ratchet.improvement;
