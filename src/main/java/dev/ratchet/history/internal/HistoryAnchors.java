package dev.ratchet.history.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fingerprints of the history chains kept outside the database: the newest entry's number and hash of each chain,
 * appended to a file (ratchet.history.anchors.directory, one JSON line per fingerprint) and, when configured, posted to
 * a webhook (ratchet.history.anchors.webhook). Someone who can write to the database can rewrite the newest entries and
 * recompute every hash after them and the chain's head, and the chain alone would still hold; a fingerprint taken
 * before does not change with it, so each verification compares the chain with every fingerprint of it.
 */
@Component
class HistoryAnchors {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryAnchors.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FILE = "history-anchors.jsonl";

    /** One fingerprint: the chain had {@code sequence} entries, the newest with {@code hash}, at {@code exportedAt}. */
    record Anchor(UUID organisationId, long sequence, String hash, Instant exportedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Path file;
    private final String webhook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HistoryAnchors(JdbcTemplate jdbc, Clock clock, @Value("${ratchet.history.anchors.directory:data/history-anchors}") String directory,
            @Value("${ratchet.history.anchors.webhook:}") String webhook) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.file = directory.isBlank() ? null : Path.of(directory).resolve(FILE);
        this.webhook = webhook.isBlank() ? null : webhook;
    }

    /** Whether fingerprints are written anywhere a verification can read them. */
    boolean kept() {
        return file != null;
    }

    /** Every fingerprint of the organisation's chain exported so far, by entry number. */
    synchronized Map<Long, Anchor> of(UUID organisationId) {
        Map<Long, Anchor> found = new HashMap<>();
        for (Anchor anchor : all()) {
            if (anchor.organisationId().equals(organisationId)) {
                found.putIfAbsent(anchor.sequence(), anchor);
            }
        }
        return found;
    }

    /** Exports the head of every chain that moved since its last fingerprint; returns how many were exported. */
    synchronized int exportAll() {
        Map<UUID, Long> last = new HashMap<>();
        for (Anchor anchor : all()) {
            last.merge(anchor.organisationId(), anchor.sequence(), Math::max);
        }
        List<Anchor> fresh = new ArrayList<>();
        Instant now = clock.instant();
        jdbc.query("select organisation_id, last_seq, last_hash from history_chain", rs -> {
            UUID organisationId = rs.getObject(1, UUID.class);
            long sequence = rs.getLong(2);
            if (sequence > 0 && sequence > last.getOrDefault(organisationId, 0L)) {
                fresh.add(new Anchor(organisationId, sequence, rs.getString(3), now));
            }
        });
        write(fresh);
        return fresh.size();
    }

    /** Exports one chain's head (after a verification found the chain intact up to it). */
    synchronized void export(UUID organisationId, long sequence, String hash) {
        if (sequence > 0 && of(organisationId).keySet().stream().noneMatch(s -> s >= sequence)) {
            write(List.of(new Anchor(organisationId, sequence, hash, clock.instant())));
        }
    }

    private void write(List<Anchor> anchors) {
        if (anchors.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        anchors.forEach(a -> lines.append(JSON.writeValueAsString(a)).append('\n'));
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            }
            catch (IOException e) {
                throw new UncheckedIOException("The history's fingerprints cannot be written to " + file, e);
            }
        }
        if (webhook != null) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(webhook)).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(anchors))).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() >= 300) {
                    LOG.warn("The history fingerprint webhook answered {}: {} fingerprint(s) are in {} only", answer.statusCode(), anchors.size(), file);
                }
            }
            catch (IOException e) {
                LOG.warn("The history fingerprint webhook cannot be reached ({}): {} fingerprint(s) are in {} only", e.getMessage(), anchors.size(), file);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<Anchor> all() {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try {
            List<Anchor> anchors = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    anchors.add(JSON.readValue(line, Anchor.class));
                }
            }
            return anchors;
        }
        catch (IOException e) {
            throw new UncheckedIOException("The history's fingerprints cannot be read from " + file, e);
        }
    }
}
