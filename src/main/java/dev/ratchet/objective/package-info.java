/**
 * Information security objectives (clause 6.2) and their measurement (9.1): target and direction, measurements over
 * time with a trend chart, on or off target, the yearly review, and an opportunity for improvement suggested when an
 * objective stays off target.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Objectives")
package dev.ratchet.objective;
