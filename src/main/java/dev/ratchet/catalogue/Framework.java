package dev.ratchet.catalogue;

import java.util.List;

/**
 * A framework as its catalogue file gives it: the requirements in the file's order, and where the file came from
 * (its source, the version of the framework, the licence under which it is used, the day it was written), and what
 * kind of obligation it is to an organisation that answers to it (a law, a contract, a standard) and where.
 */
public record Framework(String id, String name, String shortName, String description, List<Requirement> requirements, String source,
        String version, String licence, String written, String obligationType, String jurisdiction) {

    public long count(Requirement.Kind kind) {
        return requirements.stream().filter(r -> r.kind() == kind).count();
    }
}
