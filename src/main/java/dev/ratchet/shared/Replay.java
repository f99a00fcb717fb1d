package dev.ratchet.shared;

import java.time.Instant;
import java.util.Objects;

/**
 * Replays the past on the current thread: between {@link #at} and {@link #end} the application's clock reads the
 * given instant on this thread, and only on it (requests and scheduled jobs on other threads keep the real time).
 * The demo organisation uses it to record 18 months of history on the days they happened, through the same services
 * (so the same rules, reference numbers and history entries) as people using Ratchet.
 */
public final class Replay {

    private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();

    private Replay() {
    }

    public static void at(Instant instant) {
        NOW.set(Objects.requireNonNull(instant));
    }

    public static void end() {
        NOW.remove();
    }

    /** The replayed instant on this thread, or null when the thread lives in the present. */
    static Instant replayed() {
        return NOW.get();
    }
}
