/**
 * Risk assessment and treatment (6.1.2, 6.1.3, 8.2, 8.3): the organisation's risk criteria, versioned and approved;
 * the risk register with its dated assessments; treatment actions in the action tracker; the acceptance of residual
 * risk; and the records of the improvement loop that ask for a re-assessment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk")
package dev.ratchet.risk;
