package dev.ratchet.catalogue;

import java.util.List;

public record Framework(String id, String name, String description, List<Requirement> requirements) {

    public long count(Requirement.Kind kind) {
        return requirements.stream().filter(r -> r.kind() == kind).count();
    }
}
