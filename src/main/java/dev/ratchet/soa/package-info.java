/**
 * The Statement of Applicability (6.1.3 d): for every control of the catalogue, whether it applies and why (the risks,
 * nonconformities and policies that call for it, linked, and other reasons typed), or why it is excluded; how far it
 * is implemented, how, by whom, under which policies and with which evidence. Versioned: top management approves it,
 * and each approved version keeps its rows and documents as approved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statement of Applicability")
package dev.ratchet.soa;
