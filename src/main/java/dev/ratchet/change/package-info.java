/**
 * The ISMS change log (clause 6.3, changes are planned and managed): what changes, why, its impact on the ISMS,
 * when, who approved it, its implementation and review, and the improvement record that caused it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "ISMS changes")
package dev.ratchet.change;
