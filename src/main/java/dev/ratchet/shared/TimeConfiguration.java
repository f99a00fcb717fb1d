package dev.ratchet.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Time always comes from this clock, so tests can move it and the demo can replay the past ({@link Replay}). */
    @Bean
    Clock clock() {
        return new ReplayableClock(Clock.systemUTC());
    }

    /** The system clock, unless this thread replays the past. */
    static final class ReplayableClock extends Clock {

        private final Clock system;

        ReplayableClock(Clock system) {
            this.system = system;
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(system.getZone()) ? this : new ReplayableClock(system.withZone(zone));
        }

        @Override
        public Instant instant() {
            Instant replayed = Replay.replayed();
            return replayed != null ? replayed : system.instant();
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }
    }
}
