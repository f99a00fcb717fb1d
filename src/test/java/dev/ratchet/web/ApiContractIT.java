package dev.ratchet.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenAPI document as a client generator reads it: unique schema names and operation ids, every operation's errors
 * declared, files as binary of their media type, and every documented request body, filled with an example built from
 * the document alone, read by the server as documented (never a 400 for its shape, never a 422 naming a field the
 * document does not have). The document is written to {@code target/openapi.json} for {@code checks/api-clients}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERB_NOUN = Pattern.compile("^[a-z]+(?:[A-Z][a-z0-9]*)+$");
    /** Words that are keywords or common built-ins of Java, TypeScript or Python: no operation may be named so. */
    private static final Set<String> RESERVED = Set.of("request", "delete", "import", "default", "function", "class",
            "new", "get", "list", "set", "update", "create", "object", "string", "type", "from", "in", "is", "with",
            "exception", "error", "promise", "void", "package", "interface", "export", "async", "await", "yield");

    private JsonNode document;

    @BeforeAll
    void readTheDocument() throws Exception {
        String text = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        document = JSON.readTree(text);
        Path target = Path.of("target", "openapi.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    /**
     * The published contract ({@code docs/openapi.json}, from which the build generates the Java client that {@code
     * ApiClientIT} drives) is the document the server gives: a change to the API shows in review as a change of it.
     */
    @Test
    void thePublishedContractIsTheServedOne() throws Exception {
        Path published = Path.of("docs", "openapi.json");
        JsonNode contract = Files.exists(published) ? JSON.readTree(Files.readString(published)) : JsonNodeFactory.instance.objectNode();
        List<String> differences = new ArrayList<>();
        for (String section : List.of("paths", "components/schemas")) {
            JsonNode served = document.at("/" + section);
            JsonNode kept = contract.at("/" + section);
            Set<String> names = new java.util.TreeSet<>(served.propertyNames());
            names.addAll(kept.propertyNames());
            for (String name : names) {
                if (!served.path(name).equals(kept.path(name))) {
                    differences.add(section + " " + name);
                }
            }
        }
        assertThat(differences)
                .as("docs/openapi.json is not the document the server gives: run checks/api-clients --update and review the difference")
                .isEmpty();
        assertThat(contract).isEqualTo(document);
    }

    @Test
    void operationsHaveUniqueVerbNounIdsSummariesTagsAndTheirErrors() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations((path, method, operation) -> {
            String id = operation.path("operationId").asString("");
            String where = method.toUpperCase() + " " + path;
            if (!ids.add(id)) {
                problems.add(where + ": operation id " + id + " is used twice");
            }
            if (!VERB_NOUN.matcher(id).matches() || RESERVED.contains(id.toLowerCase())) {
                problems.add(where + ": operation id " + id + " is not a verb and a noun, or is a reserved word");
            }
            if (operation.path("summary").asString("").isBlank()) {
                problems.add(where + ": no summary");
            }
            if (operation.path("tags").isEmpty()) {
                problems.add(where + ": no tag");
            }
            JsonNode responses = operation.path("responses");
            for (String status : List.of("401", "403")) {
                if (!responses.has(status)) {
                    problems.add(where + ": does not declare " + status);
                }
            }
            responses.properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    String ref = response.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asString("");
                    if (!ref.endsWith("/Problem")) {
                        problems.add(where + ": " + response.getKey() + " is not problem details");
                    }
                }
                response.getValue().path("content").properties().forEach(media -> {
                    if (media.getKey().equals("*/*")) {
                        problems.add(where + ": " + response.getKey() + " answers */*");
                    }
                    if (media.getValue().path("schema").path("format").asString("").equals("byte")) {
                        problems.add(where + ": " + response.getKey() + " documents a file as base64");
                    }
                });
            });
            if ((path.endsWith(".pdf") || path.endsWith(".docx") || path.endsWith(".zip") || path.endsWith(".xlsx"))
                    && !responses.path("200").path("content").properties().iterator().next().getKey().startsWith("application/")) {
                problems.add(where + ": a file download without its media type");
            }
            if (path.contains("{") && !responses.has("404") ) {
                problems.add(where + ": has ids but no 404");
            }
            JsonNode body = operation.path("requestBody").path("content");
            body.properties().forEach(media -> {
                if (media.getValue().path("schema").path("format").asString("").equals("byte")) {
                    problems.add(where + ": takes a file as base64");
                }
            });
            if (method.equals("put") && body.has("application/json")) {
                JsonNode schema = resolve(body.path("application/json").path("schema"));
                if (schema.path("properties").has("version") && !contains(schema.path("required"), "version")) {
                    problems.add(where + ": version is not required");
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(ids).hasSizeGreaterThan(140);
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").has("errors")).isTrue();
        assertThat(problem.path("properties").path("errors").path("additionalProperties").path("type").asString()).isEqualTo("string");
    }

    @Test
    void schemaNamesAreUniqueAndNeverABuiltInName() {
        List<String> names = new ArrayList<>();
        document.path("components").path("schemas").propertyNames().forEach(names::add);
        assertThat(names).doesNotHaveDuplicates().doesNotContainAnyElementsOf(SchemaNames.RESERVED);
        assertThat(names).allMatch(name -> name.matches("[A-Z][A-Za-z0-9]*"), "a plain class-like name");
        // The four shapes that were documented as another class's: each has its own schema with its own fields.
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.path("TransitionRequestActionForm").path("properties").has("description")).isTrue();
        assertThat(schemas.path("Change").path("properties").has("field")).isTrue();
        assertThat(schemas.path("ObligationAmendmentForm").path("properties").propertyNames())
                .isNotEqualTo(schemas.path("ReviewAmendmentForm").path("properties").propertyNames());
        assertThat(document.toString()).doesNotContain("\"uniqueItems\"");
    }

    @Test
    void twoClassesNeverShareASchemaName() {
        Map<String, String> names = SchemaNames.names(List.of("dev.ratchet.review.AmendmentForm",
                "dev.ratchet.obligation.AmendmentForm", "dev.ratchet.review.ReviewPack.Change", "dev.ratchet.history.Change",
                "dev.ratchet.shared.PagedDev.ratchet.policy.PolicyViews.Summary", "dev.ratchet.policy.Exception"));
        assertThat(names).containsEntry("dev.ratchet.review.AmendmentForm", "ReviewAmendmentForm")
                .containsEntry("dev.ratchet.obligation.AmendmentForm", "ObligationAmendmentForm")
                .containsEntry("dev.ratchet.review.ReviewPack.Change", "ReviewPackChange")
                .containsEntry("dev.ratchet.history.Change", "Change")
                .containsEntry("dev.ratchet.shared.PagedDev.ratchet.policy.PolicyViews.Summary", "PagedPolicyViewsSummary")
                .containsEntry("dev.ratchet.policy.Exception", "PolicyException");
        assertThat(names.values()).doesNotHaveDuplicates();
        assertThatThrownBy(() -> SchemaNames.names(List.of("dev.ratchet.review.Form", "dev.ratchet.review.Form$",
                "dev.ratchet.obligation.ReviewForm")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ReviewForm");
    }

    /**
     * One call per operation with a request body: the body is built from the document alone (every documented field,
     * of its documented type), so a shape the server reads differently from the document fails here.
     */
    @Test
    void everyDocumentedRequestBodyIsReadAsDocumented() throws Exception {
        TestOrganisation org = newOrganisation("Contract");
        List<String> problems = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        List<Object[]> calls = new ArrayList<>();
        operations((path, method, operation) -> {
            if (operation.has("requestBody")) {
                calls.add(new Object[] {path, method, operation});
            }
        });
        // Creations first (a POST to a collection), so that later calls name records that exist.
        calls.sort(java.util.Comparator.comparing(call -> creates((String) call[0], (String) call[1]) ? 0 : 1));
        known.clear();
        known.put("areaId", org.areaId());
        known.put("memberId", org.membershipIds().get(Role.CONTRIBUTOR));
        for (Object[] call : calls) {
            String path = (String) call[0];
            String method = (String) call[1];
            JsonNode operation = (JsonNode) call[2];
            String url = path.replace("{organisationId}", org.id().toString()).replaceAll("\\{year}", "2026");
            java.util.regex.Matcher ids = Pattern.compile("\\{([^}]+)}").matcher(url);
            StringBuilder filled = new StringBuilder();
            while (ids.find()) {
                ids.appendReplacement(filled, known.getOrDefault(ids.group(1), UUID.randomUUID()).toString());
            }
            ids.appendTail(filled);
            url = filled.toString();
            Map.Entry<String, JsonNode> media = operation.path("requestBody").path("content").properties().iterator().next();
            AbstractMockHttpServletRequestBuilder<?> request;
            if (media.getKey().equals("multipart/form-data")) {
                request = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(method.toUpperCase()), url)
                        .file(new MockMultipartFile("file", "example.md", "text/markdown", "# Example\n\nText.".getBytes()));
            }
            else if (media.getKey().equals("application/json")) {
                request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method.toUpperCase()), url)
                        .contentType(media.getKey()).content(JSON.writeValueAsString(example(media.getValue().path("schema"), "", org)));
            }
            else {
                request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method.toUpperCase()), url)
                        .contentType(media.getKey()).content("title\nExample\n".getBytes(StandardCharsets.UTF_8));
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean()) {
                    request.param(parameter.path("name").asString(),
                            String.valueOf(example(parameter.path("schema"), parameter.path("name").asString(), org)).replace("\"", ""));
                }
            }
            request.header("Authorization", org.bearer(Role.ADMIN));
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String answer = response.getContentAsString(StandardCharsets.UTF_8);
            String where = method.toUpperCase() + " " + path + " → " + response.getStatus();
            tried.add(where + (response.getStatus() >= 400 ? " " + answer.substring(0, Math.min(answer.length(), 300)) : ""));
            if (response.getStatus() == 201 && creates(path, method) && answer.startsWith("{")) {
                JsonNode created = JSON.readTree(answer);
                String id = created.path("id").asString(created.path("uploadId").asString(""));
                if (!id.isEmpty()) {
                    known.putIfAbsent(idName(path), UUID.fromString(id));
                }
            }
            if (response.getStatus() == 400 || response.getStatus() == 415 || response.getStatus() >= 500) {
                problems.add(where + ": " + answer);
            }
            if (response.getStatus() == 422 && media.getKey().equals("application/json")) {
                JsonNode schema = resolve(media.getValue().path("schema"));
                JsonNode errors = JSON.readTree(answer).path("errors");
                for (String field : errors.propertyNames()) {
                    String top = field.split("[.\\[]")[0];
                    if (!schema.path("properties").has(top) && !top.equals("version")) {
                        problems.add(where + ": refused field " + field + " that the document does not have: " + answer);
                    }
                    if (top.equals("version") && !contains(schema.path("required"), "version")) {
                        problems.add(where + ": refused a body without version, which the document does not require: " + answer);
                    }
                }
            }
        }
        assertThat(problems).as("tried %s", tried).isEmpty();
        assertThat(tried).hasSizeGreaterThan(60);
    }

    private final Map<String, UUID> known = new LinkedHashMap<>();

    private static boolean creates(String path, String method) {
        return method.equals("post") && !path.endsWith("}") && path.substring(path.lastIndexOf('/')).matches("/[a-z-]+")
                && path.split("\\{").length == 2 || path.endsWith("/uploads");
    }

    /** "/api/v1/organisations/{organisationId}/policy-exceptions" → "policyExceptionId". */
    static String idName(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        String singular = last.endsWith("ies") ? last.substring(0, last.length() - 3) + "y"
                : last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
        StringBuilder name = new StringBuilder();
        for (String word : singular.split("-")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name + "Id";
    }

    /** A value for the schema, built from the document: every property, the first enum value, real ids where known. */
    private Object example(JsonNode schemaOrRef, String name, TestOrganisation org) {
        JsonNode schema = resolve(schemaOrRef);
        String type = schema.path("type").asString("object");
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (type) {
            case "array": {
                ArrayNode array = nodes.arrayNode();
                Object item = example(schema.path("items"), name, org);
                array.add(JSON.valueToTree(item));
                return array;
            }
            case "integer":
                return name.equals("version") ? 0 : schema.has("minimum") ? schema.path("minimum").asInt() : 1;
            case "number":
                return 1;
            case "boolean":
                return false;
            case "string": {
                if (schema.has("enum")) {
                    return schema.path("enum").get(0).asString();
                }
                String format = schema.path("format").asString("");
                switch (format) {
                    case "date":
                        return LocalDate.now().toString();
                    case "date-time":
                        return OffsetDateTime.now(ZoneOffset.ofHours(2)).withNano(0).toString();
                    case "uuid":
                        return uuid(name, org).toString();
                    case "email":
                        return "someone@example.org";
                    case "uri":
                        return "https://example.org/";
                    default:
                        if (name.toLowerCase().startsWith("requirement")) {
                            return "A.8.8";
                        }
                        int max = schema.path("maxLength").asInt(40);
                        return "Example".substring(0, Math.min(7, Math.max(1, max)));
                }
            }
            default: {
                ObjectNode object = nodes.objectNode();
                Map<String, JsonNode> properties = new LinkedHashMap<>();
                schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
                // version only where the document requires it: an operation that refuses a body without it, though the
                // document says it may be left out, is caught below.
                properties.forEach((property, value) -> {
                    if (!property.equals("version") || contains(schema.path("required"), "version")) {
                        object.set(property, JSON.valueToTree(example(value, property, org)));
                    }
                });
                return object;
            }
        }
    }

    private UUID uuid(String name, TestOrganisation org) {
        String lower = name.toLowerCase();
        if (known.containsKey(name)) {
            return known.get(name);
        }
        if (lower.startsWith("area")) {
            return org.areaId();
        }
        if (lower.contains("owner") || lower.contains("user") || lower.contains("manager") || lower.contains("auditor")
                || lower.contains("chair") || lower.contains("member") || lower.contains("assignee") || lower.contains("person")
                || lower.contains("reviewer") || lower.contains("approver")) {
            return org.userIds().get(Role.ISMS_MANAGER);
        }
        return UUID.randomUUID();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asString().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private void operations(OperationVisitor visitor) {
        document.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> visitor.visit(path.getKey(), method.getKey(), method.getValue())));
    }
}
