package dev.ratchet.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.ratchet.shared.Replay;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The story's events, written storyline by storyline and played in the order they happened: each at its moment (the
 * clock replays it) and as the person who acts (their name goes into the history).
 */
final class Timeline {

    /** {@code written} is the moment as the story says it, {@code at} the working day it is moved to. */
    private record Event(LocalDateTime written, LocalDateTime at, int order, Person who, Runnable work) {
    }

    private final List<Event> events = new ArrayList<>();
    private final LocalDate today;
    private final ZoneId zone;
    private final Runnable betweenEvents;

    Timeline(LocalDate today, ZoneId zone) {
        this(today, zone, () -> { });
    }

    /** {@code betweenEvents} runs after each event (the story clears the persistence context there). */
    Timeline(LocalDate today, ZoneId zone, Runnable betweenEvents) {
        this.today = today;
        this.zone = zone;
        this.betweenEvents = betweenEvents;
    }

    LocalDate today() {
        return today;
    }

    /** The working day {@code daysAgo} days before today (a weekend moves to the Friday before). */
    LocalDate day(int daysAgo) {
        LocalDate day = today.minusDays(daysAgo);
        while (daysAgo > 0 && (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** A date that lies ahead (a deadline, a planned meeting), on a working day. */
    LocalDate ahead(int days) {
        LocalDate day = today.plusDays(days);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** {@code who} does {@code work} on the working day {@code daysAgo} days ago, at {@code time} (HH:mm). */
    void on(int daysAgo, String time, Person who, Runnable work) {
        if (daysAgo < 0) {
            throw new IllegalArgumentException("The story cannot happen in the future");
        }
        LocalTime moment = LocalTime.parse(time);
        events.add(new Event(today.minusDays(daysAgo).atTime(moment), day(daysAgo).atTime(moment), events.size(), who, work));
    }

    /** Does {@code work} at once, as if on that day: for what the rest of the story is written with (the areas). */
    void now(int daysAgo, String time, Person who, Runnable work) {
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            Replay.at(day(daysAgo).atTime(LocalTime.parse(time)).atZone(zone).toInstant());
            actAs(who);
            work.run();
        }
        finally {
            Replay.end();
            SecurityContextHolder.setContext(before);
        }
    }

    /**
     * Plays every event in the order the story wrote them in time, then returns the thread to the present. An event
     * moved off a weekend never goes back before the event played before it (it takes the next minute instead).
     */
    void play() {
        SecurityContext before = SecurityContextHolder.getContext();
        Instant[] last = { Instant.MIN };
        try {
            events.stream().sorted(Comparator.comparing(Event::written).thenComparingInt(Event::order)).forEach(e -> {
                Instant at = e.at().atZone(zone).toInstant();
                last[0] = at.isAfter(last[0]) ? at : last[0].plusSeconds(60);
                Replay.at(last[0]);
                actAs(e.who());
                try {
                    e.work().run();
                    betweenEvents.run();
                }
                catch (RuntimeException failure) {
                    throw new IllegalStateException("The demo story failed on " + e.written() + " (" + e.who().displayName()
                            + "): " + failure.getMessage(), failure);
                }
            });
        }
        finally {
            Replay.end();
            SecurityContextHolder.setContext(before);
        }
    }

    /** From now until the next event, the changes are made by {@code who} (their name goes into the history). */
    static void actAs(Person who) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null, List.of()));
        SecurityContextHolder.setContext(context);
    }
}
