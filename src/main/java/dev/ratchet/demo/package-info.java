/**
 * The demo organisation: a small SaaS company with 18 months of ISMS history, played through the other modules'
 * services on the days it happened, so that a newcomer sees a living system on the first visit. The same story,
 * repeated with a size, fills databases for benchmarks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo organisation")
package dev.ratchet.demo;
