package dev.ratchet.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * What makes the OpenAPI document exact enough to generate a client from, decided once for every operation rather than
 * annotated on each: unique schema names ({@link SchemaNames}), the problem-details schema and the error responses each
 * operation gives, files as binary bodies of their real media type, {@code version} required where the server requires
 * it, and the roles an operation needs.
 */
@Configuration(proxyBeanMethods = false)
class ApiContract {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String MULTIPART = "multipart/form-data";

    static {
        // A file's bytes travel as they are, never as base64 text.
        SpringDocUtils.getConfig().replaceWithSchema(byte[].class, new Schema<>().type("string").format("binary"));
    }

    private static final Map<String, String> FILE_TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "zip", "application/zip",
            "csv", "text/csv",
            "ics", "text/calendar");

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    /** The roles an operation needs, from its {@code @PreAuthorize}, in its description and as {@code x-roles}. */
    @Bean
    OperationCustomizer rolesInTheDocument() {
        return (operation, handler) -> {
            PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
            List<String> roles = rule == null ? List.of() : roles(rule.value());
            if (!roles.isEmpty()) {
                operation.addExtension("x-roles", roles);
                String needs = "Roles: " + String.join(", ", roles) + ".";
                operation.setDescription(operation.getDescription() == null ? needs : operation.getDescription() + "\n\n" + needs);
            }
            return operation;
        };
    }

    static List<String> roles(String expression) {
        List<String> roles = new ArrayList<>();
        Matcher matcher = ROLE.matcher(expression);
        while (matcher.find()) {
            roles.add(matcher.group(1));
        }
        return roles;
    }

    @Bean
    OpenApiCustomizer exactContract() {
        return openApi -> {
            SchemaNames.shorten(openApi);
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            SchemaNames.eachSchema(openApi, schema -> schema.setUniqueItems(null));
            Set<String> versionRequired = new LinkedHashSet<>();
            Set<String> versionOptional = new LinkedHashSet<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    files(path, operation);
                    if (method == PathItem.HttpMethod.POST) {
                        operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter()
                                .name(IdempotencyKeys.HEADER).required(false).schema(new Schema<>().type("string").maxLength(255))
                                .description("Any unique text (a UUID): a retry with the same key and request gets the first "
                                        + "answer again (Idempotency-Replayed: true) instead of doing it twice; kept 24 hours"));
                    }
                    errors(path, method, operation, openApi);
                    String body = requestSchema(operation);
                    if (body != null && hasVersion(openApi, body)) {
                        (needsVersion(path, method) ? versionRequired : versionOptional).add(body);
                    }
                    versionTags(openApi, path, method, operation, body);
                }));
            }
            requireVersion(openApi, versionRequired, versionOptional);
        };
    }

    /** ETag on answers that carry a version; If-Match (and its 412) on edits that take one. */
    private static void versionTags(OpenAPI openApi, String path, PathItem.HttpMethod method, Operation operation, String body) {
        boolean versionParameter = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()) && "version".equals(p.getName()));
        if ((body != null && hasVersion(openApi, body) && needsVersion(path, method)) || versionParameter) {
            operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter().name("If-Match").required(false)
                    .schema(new Schema<>().type("string"))
                    .description("The ETag you read (\"7\"), instead of or as well as the version field; if both are given and "
                            + "differ, 412"));
            operation.getResponses().addApiResponse("412", new ApiResponse().description("If-Match and the version sent differ")
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            MediaType json = response.getContent() == null ? null : response.getContent().get("application/json");
            String ref = json == null || json.getSchema() == null ? null : json.getSchema().get$ref();
            if (status.startsWith("2") && ref != null && hasVersion(openApi, ref.substring(ref.lastIndexOf('/') + 1))) {
                response.addHeaderObject("ETag", new io.swagger.v3.oas.models.headers.Header()
                        .description("The record's version, for If-Match").schema(new Schema<>().type("string")));
            }
        });
    }

    private static Schema<?> problemSchema() {
        Schema<Object> problem = new Schema<>().type("object").description("""
                RFC 9457 problem details. `errors` names each field to blame (the JSON property, or `row N, column` \
                for an import) with what to do about it.""");
        problem.addProperty("type", new Schema<>().type("string").format("uri").description("What kind of problem"));
        problem.addProperty("title", new Schema<>().type("string"));
        problem.addProperty("status", new Schema<>().type("integer").format("int32"));
        problem.addProperty("detail", new Schema<>().type("string").description("What happened and what to do, for a person"));
        problem.addProperty("instance", new Schema<>().type("string").format("uri"));
        problem.addProperty("errors", new Schema<>().type("object")
                .additionalProperties(new Schema<>().type("string"))
                .description("Field → message, for a refused edit or import"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }

    /** Downloads as their real media type (from the path's extension); uploads of a file as multipart. */
    private static void files(String path, Operation operation) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (ok != null && (ok.getContent() == null || ok.getContent().isEmpty()) && path.lastIndexOf('.') > path.lastIndexOf('/')
                && FILE_TYPES.containsKey(extension)) {
            // A download written straight to the response (a register export): the file of its extension.
            ok.setContent(new Content().addMediaType(FILE_TYPES.get(extension),
                    new MediaType().schema(new Schema<>().type("string").format("binary"))));
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> {
                Content content = response.getContent();
                if (content == null) {
                    return;
                }
                Map.Entry<String, MediaType> first = content.entrySet().stream().findFirst().orElse(null);
                // An image keeps the types its operation declares (the logo is a PNG or a JPEG).
                if (first != null && isBinary(first.getValue().getSchema()) && !first.getKey().startsWith("image/")) {
                    String type = FILE_TYPES.getOrDefault(extension, "application/octet-stream");
                    response.setContent(new Content().addMediaType(type, first.getValue()));
                }
            });
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Content content = operation.getRequestBody().getContent();
            MediaType json = content.get("application/json");
            if (json != null && json.getSchema() != null && json.getSchema().getProperties() != null
                    && ((Map<String, Schema>) json.getSchema().getProperties()).values().stream().anyMatch(ApiContract::isBinary)) {
                operation.getRequestBody().setContent(new Content().addMediaType(MULTIPART, json));
            }
        }
    }

    private static boolean isBinary(Schema<?> schema) {
        return schema != null && "binary".equals(schema.getFormat());
    }

    /** The error responses an operation can give, each with the problem-details schema. */
    private static void errors(String path, PathItem.HttpMethod method, Operation operation, OpenAPI openApi) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean upload = body && operation.getRequestBody().getContent().values().stream()
                .anyMatch(media -> isBinary(media.getSchema()) || media.getSchema() != null
                        && media.getSchema().getProperties() != null
                        && ((Map<String, Schema>) media.getSchema().getProperties()).values().stream().anyMatch(ApiContract::isBinary));
        boolean parameters = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> !"path".equals(p.getIn()) || !"organisationId".equals(p.getName()));
        boolean item = path.matches(".*\\{(?!organisationId)[^}]+}.*");
        boolean changes = method != PathItem.HttpMethod.GET;
        Map<String, String> errors = new LinkedHashMap<>();
        if (body || parameters) {
            errors.put("400", "The request cannot be read: malformed JSON, or a parameter of the wrong type (the problem names it)");
        }
        errors.put("401", "No valid personal API token (Authorization: Bearer rat_…)");
        errors.put("403", "Your roles in this organisation do not allow this (the problem names the roles that do)");
        if (item || path.contains("{organisationId}")) {
            errors.put("404", "Not found, or not in this organisation");
        }
        if (changes && (item || body)) {
            errors.put("409", "The record changed since you read it (send the version you read), or it is not in a state that allows this");
        }
        if (upload) {
            errors.put("413", "The file is larger than Ratchet accepts");
            errors.put("415", "The body is not of a type this operation reads");
        }
        if (body || parameters) {
            errors.put("422", "Refused: `errors` names each field (or row and column) to blame");
        }
        if (changes) {
            errors.put("429", "Too many attempts; try again after the Retry-After seconds");
        }
        errors.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
        operation.setResponses(responses);
    }

    private static String requestSchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        String ref = json == null || json.getSchema() == null ? null : json.getSchema().get$ref();
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static boolean hasVersion(OpenAPI openApi, String schema) {
        Schema<?> found = openApi.getComponents().getSchemas().get(schema);
        return found != null && found.getProperties() != null && found.getProperties().containsKey("version");
    }

    /**
     * Creating a record of the organisation (a POST to a top-level collection) needs no version; every other edit whose
     * body has one does: a PUT, a DELETE, and a POST under one record (a step such as {@code …/{id}/approval}, or a
     * child such as {@code …/{id}/reviews}, which changes the record and checks its version). ApiContractIT sends every
     * body without a version the document does not require, and fails when the server asks for it.
     */
    static boolean needsVersion(String path, PathItem.HttpMethod method) {
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            return true;
        }
        return path.replace("{organisationId}", "").contains("{");
    }

    /**
     * Marks {@code version} required in every request body the server refuses without it. A form used both to create
     * (no version) and to edit (version required) gets a second schema for the edit, {@code …Edit}, so that neither is
     * documented wrongly.
     */
    private static void requireVersion(OpenAPI openApi, Set<String> required, Set<String> optional) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Map<String, String> edits = new LinkedHashMap<>();
        for (String name : required) {
            Schema<?> schema = schemas.get(name);
            if (optional.contains(name)) {
                Schema<Object> edit = new Schema<>().type(schema.getType()).description(schema.getDescription());
                edit.setProperties(new LinkedHashMap<>(schema.getProperties()));
                edit.setRequired(schema.getRequired() == null ? new ArrayList<>() : new ArrayList<>(schema.getRequired()));
                withVersion(edit);
                String editName = name + "Edit";
                if (schemas.containsKey(editName)) {
                    throw new IllegalStateException("Two schemas would be named " + editName);
                }
                schemas.put(editName, edit);
                edits.put(name, editName);
            }
            else {
                withVersion(schema);
            }
        }
        if (edits.isEmpty()) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String body = requestSchema(operation);
            if (body != null && edits.containsKey(body) && needsVersion(path, method)) {
                operation.getRequestBody().getContent().get("application/json")
                        .setSchema(new Schema<>().$ref("#/components/schemas/" + edits.get(body)));
            }
        }));
    }

    private static void withVersion(Schema<?> schema) {
        List<String> names = schema.getRequired() == null ? new ArrayList<>() : new ArrayList<>(schema.getRequired());
        if (!names.contains("version")) {
            names.add("version");
        }
        schema.setRequired(names);
        Schema<?> version = (Schema<?>) schema.getProperties().get("version");
        if (version != null && version.getDescription() == null) {
            version.setDescription("The version you read; a newer stored version answers 409");
        }
    }
}
