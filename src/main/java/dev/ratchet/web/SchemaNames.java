package dev.ratchet.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Short, unique schema names made from the classes' full names, never from their simple names alone.
 *
 * <p>The document is generated with full class names ({@code springdoc.use-fqn}), so two classes can never share a
 * schema. This turns each full name into the chain of its class names without the package ({@code
 * dev.ratchet.review.ReviewPack.Change} → {@code ReviewPackChange}); where two classes of different modules would still
 * get one name, both take their module's name in front ({@code ReviewAmendmentForm}, {@code
 * ObligationAmendmentForm}). A generic type's name is the names of its parts ({@code PagedActionView}). If two classes
 * still end with one name the document is not produced at all: {@link IllegalStateException}.
 */
final class SchemaNames {

    /** Where the next class name begins inside a generic type's name: "…PagedDev.ratchet.action.ActionView". */
    private static final Pattern PART = Pattern.compile("(?<=[A-Za-z0-9])(?=[A-Z][a-z]+\\.[a-z])");

    /** Names that are built-in types in Java, TypeScript or Python and confuse generated clients. */
    static final Set<String> RESERVED = Set.of("Exception", "Error", "Object", "String", "Integer", "Long", "Boolean",
            "Date", "File", "List", "Map", "Set", "Class", "Type", "Record", "Optional", "Request", "Response", "Void",
            "Number", "Array", "Promise", "Symbol", "Function", "Instant", "Duration", "Dict", "Any");

    private SchemaNames() {
    }

    /** Renames every schema of the document and every reference to it. */
    static void shorten(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Map<String, String> renamed = names(schemas.keySet());
        Map<String, Schema> shortened = new TreeMap<>();
        schemas.forEach((name, schema) -> {
            schema.setName(null);
            shortened.put(renamed.get(name), schema);
        });
        openApi.getComponents().setSchemas(shortened);
        Consumer<Schema> rename = schema -> {
            String ref = schema.get$ref();
            if (ref != null && ref.startsWith(REF)) {
                String target = renamed.get(ref.substring(REF.length()));
                if (target != null) {
                    schema.set$ref(REF + target);
                }
            }
        };
        eachSchema(openApi, rename);
    }

    private static final String REF = "#/components/schemas/";

    /** The short name of every full name; fails when two full names would still share one. */
    static Map<String, String> names(Iterable<String> fullNames) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (String full : fullNames) {
            String name = name(full, false);
            plain.put(full, name);
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(full);
        }
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : plain.entrySet()) {
            String full = entry.getKey();
            String name = byName.get(entry.getValue()).size() > 1 || RESERVED.contains(entry.getValue())
                    ? name(full, true) : entry.getValue();
            String earlier = owner.putIfAbsent(name, full);
            if (earlier != null) {
                throw new IllegalStateException("Two types would be documented as the schema " + name + ": " + earlier
                        + " and " + full + ". Rename one of them.");
            }
            result.put(full, name);
        }
        return result;
    }

    /** "dev.ratchet.review.ReviewPack.Change" → "ReviewPackChange", or "ReviewReviewPackChange" with its module. */
    static String name(String full, boolean withModule) {
        StringBuilder name = new StringBuilder();
        boolean first = true;
        for (String part : PART.split(full)) {
            String[] segments = (Character.toLowerCase(part.charAt(0)) + part.substring(1)).split("\\.");
            StringBuilder classes = new StringBuilder();
            String module = null;
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i].replace("$", "");
                if (segment.isEmpty()) {
                    continue;
                }
                if (Character.isUpperCase(segment.charAt(0))) {
                    classes.append(segment);
                }
                else if (i == 2 && "dev".equals(segments[0]) && "ratchet".equals(segments[1])) {
                    module = segment;
                }
            }
            if (classes.isEmpty()) {
                classes.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            if (first && withModule && module != null && !classes.toString().toLowerCase(Locale.ROOT).startsWith(module)) {
                name.append(Character.toUpperCase(module.charAt(0))).append(module.substring(1));
            }
            else if (first && withModule && module == null) {
                name.append("Ratchet");
            }
            name.append(classes);
            first = false;
        }
        return name.toString();
    }

    /** Every schema object of the document, including nested ones, once each. */
    static void eachSchema(OpenAPI openApi, Consumer<Schema> action) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> walk = new Consumer<>() {
            @Override
            public void accept(Schema schema) {
                if (schema == null || !seen.add(schema)) {
                    return;
                }
                action.accept(schema);
                if (schema.getProperties() != null) {
                    ((Map<String, Schema>) schema.getProperties()).values().forEach(this);
                }
                accept(schema.getItems());
                accept(schema.getNot());
                if (schema.getAdditionalProperties() instanceof Schema additional) {
                    accept(additional);
                }
                for (List<Schema> group : List.of(nullToEmpty(schema.getAllOf()), nullToEmpty(schema.getAnyOf()),
                        nullToEmpty(schema.getOneOf()))) {
                    group.forEach(this);
                }
            }
        };
        if (openApi.getComponents() != null) {
            if (openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(walk);
            }
            if (openApi.getComponents().getResponses() != null) {
                openApi.getComponents().getResponses().values().forEach(response -> content(response.getContent(), walk));
            }
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> {
                if (path.getParameters() != null) {
                    path.getParameters().forEach(parameter -> walk.accept(parameter.getSchema()));
                }
                path.readOperations().forEach(operation -> operationSchemas(operation, walk));
            });
        }
    }

    private static void operationSchemas(Operation operation, Consumer<Schema> walk) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> walk.accept(parameter.getSchema()));
        }
        if (operation.getRequestBody() != null) {
            content(operation.getRequestBody().getContent(), walk);
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> content(response.getContent(), walk));
        }
    }

    private static void content(Content content, Consumer<Schema> walk) {
        if (content != null) {
            content.values().forEach(media -> walk.accept(media.getSchema()));
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
