package dev.ratchet.identity.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ratchet.identity.Role;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Roles stored as one sorted, comma-separated column, so that history shows a role change as one readable value. */
@Converter
class RoleSetConverter implements AttributeConverter<Set<Role>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<Role> convertToEntityAttribute(String column) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(String::strip).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
