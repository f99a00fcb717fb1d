package dev.ratchet.improvement.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Lists of record ids as the register stores them in one column (similar records): sorted, comma-separated. */
final class RecordIds {

    private RecordIds() {
    }

    static String join(Collection<UUID> ids) {
        return ids.isEmpty() ? null : ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }

    static List<UUID> parse(String column) {
        return column == null ? List.of() : Arrays.stream(column.split(",")).map(UUID::fromString).toList();
    }
}
