/**
 * Management review (clause 9.3): the management review team, reviews at the organisation's planned interval, and
 * the input pack of clause 9.3.2 assembled from Ratchet's own data and frozen when the meeting starts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Management review")
package dev.ratchet.review;
