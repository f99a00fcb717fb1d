package dev.ratchet.identity.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ratchet.identity.Provisioning;
import dev.ratchet.shared.Refused;
import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SCIM 2.0 (RFC 7643/7644) for identity providers, authenticated by an organisation's SCIM token: Users and Groups,
 * list with {@code filter=attribute eq "value"} and paging (startIndex, count), create, read, replace, patch, delete;
 * the request bodies Microsoft Entra ID and Okta send (PatchOp with "Replace"/"replace", "False" as text, a value
 * object without path, {@code members[value eq "…"]}). Its contract is SCIM's own, so it is not in the OpenAPI document.
 */
@Hidden
@RestController
@RequestMapping(path = "/scim/v2", produces = {"application/scim+json", MediaType.APPLICATION_JSON_VALUE})
class ScimController {

    static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final Pattern FILTER = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMBER_PATH = Pattern.compile("^members\\[value eq \"([^\"]+)\"\\]$", Pattern.CASE_INSENSITIVE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Provisioning provisioning;
    private final String baseUrl;

    ScimController(Provisioning provisioning, @Value("${ratchet.base-url:http://localhost:8080}") String baseUrl) {
        this.provisioning = provisioning;
        this.baseUrl = dev.ratchet.shared.Texts.withoutTrailingSlash(baseUrl);
    }

    // --- discovery ---------------------------------------------------------------------------------------------------

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<JsonNode> serviceProviderConfig() {
        ObjectNode config = JSON.createObjectNode();
        config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", 200);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", false);
        ObjectNode scheme = config.putArray("authenticationSchemes").addObject();
        scheme.put("type", "oauthbearertoken").put("name", "SCIM token").put("primary", true)
                .put("description", "A token an administrator creates under Organisation → Provisioning");
        return ok(config);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<JsonNode> resourceTypes() {
        ObjectNode list = list(2, 1, 2);
        ArrayNode resources = list.putArray("Resources");
        for (String[] type : new String[][] {{"User", "/Users", USER}, {"Group", "/Groups", GROUP}}) {
            ObjectNode t = resources.addObject();
            t.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
            t.put("id", type[0]).put("name", type[0]).put("endpoint", type[1]).put("schema", type[2]);
        }
        return ok(list);
    }

    // --- users -------------------------------------------------------------------------------------------------------

    @GetMapping("/Users")
    ResponseEntity<JsonNode> users(@AuthenticationPrincipal Provisioning.Client client, @RequestParam(required = false) String filter,
            @RequestParam(defaultValue = "1") int startIndex, @RequestParam(defaultValue = "100") int count) {
        String userName = null;
        String externalId = null;
        if (filter != null && !filter.isBlank()) {
            String[] f = filter(filter);
            switch (f[0]) {
                case "username" -> userName = f[1];
                case "externalid" -> externalId = f[1];
                default -> throw new ScimError(HttpStatus.BAD_REQUEST, "invalidFilter", "Users can be filtered by userName or externalId with eq");
            }
        }
        Provisioning.Listed<Provisioning.Person> page = provisioning.people(client.organisationId(), userName, externalId, startIndex, count);
        ObjectNode list = list(page.total(), Math.max(startIndex, 1), page.items().size());
        ArrayNode resources = list.putArray("Resources");
        page.items().forEach(p -> resources.add(user(p)));
        return ok(list);
    }

    @PostMapping("/Users")
    ResponseEntity<JsonNode> createUser(@AuthenticationPrincipal Provisioning.Client client, @RequestBody JsonNode body) {
        Provisioning.Person created = provisioning.createPerson(client.organisationId(), personOf(body));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(SCIM).header("Location", location("Users", created.id())).body(user(created));
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<JsonNode> user(@AuthenticationPrincipal Provisioning.Client client, @PathVariable String id) {
        return ok(user(provisioning.person(client.organisationId(), id(id))));
    }

    @PutMapping("/Users/{id}")
    ResponseEntity<JsonNode> replaceUser(@AuthenticationPrincipal Provisioning.Client client, @PathVariable String id, @RequestBody JsonNode body) {
        Provisioning.PersonInput input = personOf(body);
        // A replacement without "active" means active (RFC 7643: the default).
        input = new Provisioning.PersonInput(input.userName(), input.externalId(), input.displayName(), input.givenName(),
                input.familyName(), input.email(), input.active() == null ? Boolean.TRUE : input.active());
        return ok(user(provisioning.updatePerson(client.organisationId(), id(id), input)));
    }

    @PatchMapping("/Users/{id}")
    ResponseEntity<JsonNode> patchUser(@AuthenticationPrincipal Provisioning.Client client, @PathVariable String id, @RequestBody JsonNode body) {
        UUID membership = id(id);
        String externalId = null;
        String displayName = null;
        String givenName = null;
        String familyName = null;
        Boolean active = null;
        for (JsonNode op : operations(body)) {
            String kind = text(op.get("op")).toLowerCase(Locale.ROOT);
            String path = text(op.get("path"));
            JsonNode value = op.get("value");
            if (kind.equals("remove")) {
                continue;
            }
            if (!kind.equals("add") && !kind.equals("replace")) {
                throw new ScimError(HttpStatus.BAD_REQUEST, "invalidSyntax", "op must be add, replace or remove");
            }
            if (path.isEmpty()) {
                if (value == null || !value.isObject()) {
                    throw new ScimError(HttpStatus.BAD_REQUEST, "noTarget", "An operation without path needs an object as value");
                }
                Provisioning.PersonInput in = personOf(value);
                externalId = in.externalId() != null ? in.externalId() : externalId;
                displayName = in.displayName() != null ? in.displayName() : displayName;
                givenName = in.givenName() != null ? in.givenName() : givenName;
                familyName = in.familyName() != null ? in.familyName() : familyName;
                active = in.active() != null ? in.active() : active;
                continue;
            }
            switch (path.toLowerCase(Locale.ROOT)) {
                case "active" -> active = bool(value);
                case "displayname" -> displayName = text(value);
                case "externalid" -> externalId = text(value);
                case "name.givenname" -> givenName = text(value);
                case "name.familyname" -> familyName = text(value);
                case "name.formatted" -> displayName = text(value);
                default -> {
                    // userName, emails, titles and the like: the account's address is its own (it may work in other
                    // organisations too), and Ratchet keeps nothing else of the person.
                }
            }
        }
        return ok(user(provisioning.updatePerson(client.organisationId(), membership,
                new Provisioning.PersonInput(null, externalId, displayName, givenName, familyName, null, active))));
    }

    @DeleteMapping("/Users/{id}")
    ResponseEntity<Void> deleteUser(@AuthenticationPrincipal Provisioning.Client client, @PathVariable String id) {
        provisioning.deletePerson(client.organisationId(), id(id));
        return ResponseEntity.noContent().build();
    }

    // --- groups ------------------------------------------------------------------------------------------------------

    @GetMapping("/Groups")
    ResponseEntity<JsonNode> groups(@AuthenticationPrincipal Provisioning.Client client, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String excludedAttributes,
            @RequestParam(defaultValue = "1") int startIndex, @RequestParam(defaultValue = "100") int count) {
        String displayName = null;
        if (filter != null && !filter.isBlank()) {
            String[] f = filter(filter);
            if (!f[0].equals("displayname")) {
                throw new ScimError(HttpStatus.BAD_REQUEST, "invalidFilter", "Groups can be filtered by displayName with eq");
            }
            displayName = f[1];
        }
        boolean members = excludedAttributes == null || !excludedAttributes.toLowerCase(Locale.ROOT).contains("members");
        Provisioning.Listed<Provisioning.Team> page = provisioning.teams(client.organisationId(), displayName, startIndex, count);
        ObjectNode list = list(page.total(), Math.max(startIndex, 1), page.items().size());
        ArrayNode resources = list.putArray("Resources");
        page.items().forEach(t -> resources.add(group(t, members)));
        return ok(list);
    }

    @PostMapping("/Groups")
    ResponseEntity<JsonNode> createGroup(@AuthenticationPrincipal Provisioning.Client client, @RequestBody JsonNode body) {
        Provisioning.Team created = provisioning.createTeam(client.organisationId(), text(body.get("displayName")),
                nullable(body.get("externalId")), memberIds(body.get("members")));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(SCIM).header("Location", location("Groups", created.id()))
                .body(group(created, true));
    }

    @GetMapping("/Groups/{id}")
    ResponseEntity<JsonNode> group(@AuthenticationPrincipal Provisioning.Client client, @PathVariable String id,
            @RequestParam(required = false) String excludedAttributes) {
        return ok(group(provisioning.team(client.organisationId(), id(id)),
                excludedAttributes == null || !excludedAttributes.toLowerCase(Locale.ROOT).contains("members")));
    }

    @PutMapping("/Groups/{id}")
    ResponseEntity<JsonNode> replaceGroup(@AuthenticationPrincipal Provisioning.Client client, @PathVariable String id, @RequestBody JsonNode body) {
        return ok(group(provisioning.updateTeam(client.organisationId(), id(id), text(body.get("displayName")), nullable(body.get("externalId")),
                List.of(), List.of(), memberIds(body.get("members"))), true));
    }

    @PatchMapping("/Groups/{id}")
    ResponseEntity<JsonNode> patchGroup(@AuthenticationPrincipal Provisioning.Client client, @PathVariable String id, @RequestBody JsonNode body) {
        String displayName = null;
        String externalId = null;
        List<UUID> add = new ArrayList<>();
        List<UUID> remove = new ArrayList<>();
        List<UUID> replace = null;
        for (JsonNode op : operations(body)) {
            String kind = text(op.get("op")).toLowerCase(Locale.ROOT);
            String path = text(op.get("path"));
            JsonNode value = op.get("value");
            Matcher one = MEMBER_PATH.matcher(path);
            if (kind.equals("remove") && one.matches()) {
                remove.add(id(one.group(1)));
            }
            else if (path.equalsIgnoreCase("members")) {
                switch (kind) {
                    case "add" -> add.addAll(memberIds(value));
                    case "remove" -> {
                        if (value == null || value.isNull()) {
                            replace = new ArrayList<>();
                        }
                        else {
                            remove.addAll(memberIds(value));
                        }
                    }
                    case "replace" -> replace = new ArrayList<>(memberIds(value));
                    default -> throw new ScimError(HttpStatus.BAD_REQUEST, "invalidSyntax", "op must be add, replace or remove");
                }
            }
            else if (path.equalsIgnoreCase("displayName") && !kind.equals("remove")) {
                displayName = text(value);
            }
            else if (path.equalsIgnoreCase("externalId") && !kind.equals("remove")) {
                externalId = text(value);
            }
            else if (path.isEmpty() && value != null && value.isObject()) {
                displayName = value.has("displayName") ? text(value.get("displayName")) : displayName;
                externalId = value.has("externalId") ? text(value.get("externalId")) : externalId;
                if (value.has("members")) {
                    replace = new ArrayList<>(memberIds(value.get("members")));
                }
            }
            else {
                throw new ScimError(HttpStatus.BAD_REQUEST, "invalidPath", "A group can change its displayName, externalId and members");
            }
        }
        Provisioning.Team team = provisioning.updateTeam(client.organisationId(), id(id), displayName, externalId, add, remove, replace);
        return ok(group(team, true));
    }

    @DeleteMapping("/Groups/{id}")
    ResponseEntity<Void> deleteGroup(@AuthenticationPrincipal Provisioning.Client client, @PathVariable String id) {
        provisioning.deleteTeam(client.organisationId(), id(id));
        return ResponseEntity.noContent().build();
    }

    // --- errors (RFC 7644 §3.12) -------------------------------------------------------------------------------------

    static final class ScimError extends RuntimeException {
        final HttpStatus status;
        final String scimType;

        ScimError(HttpStatus status, String scimType, String detail) {
            super(detail);
            this.status = status;
            this.scimType = scimType;
        }
    }

    @ExceptionHandler(ScimError.class)
    ResponseEntity<JsonNode> scimError(ScimError e) {
        return error(e.status, e.scimType, e.getMessage());
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<JsonNode> refused(Refused e) {
        return switch (e.kind()) {
            case NOT_FOUND -> error(HttpStatus.NOT_FOUND, null, e.getMessage());
            case CONFLICT -> e.getMessage().startsWith("uniqueness: ") ? error(HttpStatus.CONFLICT, "uniqueness", e.getMessage().substring(12))
                    : error(HttpStatus.CONFLICT, null, e.getMessage());
            default -> error(HttpStatus.BAD_REQUEST, "invalidValue",
                    e.fieldErrors().isEmpty() ? e.getMessage() : String.join("; ", e.fieldErrors().entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).toList()));
        };
    }

    @ExceptionHandler({tools.jackson.core.JacksonException.class, org.springframework.http.converter.HttpMessageNotReadableException.class})
    ResponseEntity<JsonNode> unreadable(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "invalidSyntax", "The body is not the JSON of a SCIM request");
    }

    static ResponseEntity<JsonNode> error(HttpStatus status, String scimType, String detail) {
        ObjectNode error = JSON.createObjectNode();
        error.putArray("schemas").add(ERROR);
        error.put("status", String.valueOf(status.value()));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return ResponseEntity.status(status).contentType(SCIM).body(error);
    }

    // --- mapping -----------------------------------------------------------------------------------------------------

    private ObjectNode user(Provisioning.Person p) {
        ObjectNode u = JSON.createObjectNode();
        u.putArray("schemas").add(USER);
        u.put("id", p.id().toString());
        if (p.externalId() != null) {
            u.put("externalId", p.externalId());
        }
        u.put("userName", p.userName());
        ObjectNode name = u.putObject("name");
        name.put("formatted", p.displayName()).put("givenName", p.givenName()).put("familyName", p.familyName());
        u.put("displayName", p.displayName());
        ObjectNode email = u.putArray("emails").addObject();
        email.put("value", p.email()).put("type", "work").put("primary", true);
        u.put("active", p.active());
        ArrayNode groups = u.putArray("groups");
        p.groups().forEach(g -> groups.addObject().put("value", g.id().toString()).put("display", g.display())
                .put("$ref", location("Groups", g.id())));
        ObjectNode meta = u.putObject("meta");
        meta.put("resourceType", "User").put("created", p.created().toString()).put("location", location("Users", p.id()))
                .put("version", "W/\"" + p.version() + "\"");
        return u;
    }

    private ObjectNode group(Provisioning.Team t, boolean members) {
        ObjectNode g = JSON.createObjectNode();
        g.putArray("schemas").add(GROUP);
        g.put("id", t.id().toString());
        if (t.externalId() != null) {
            g.put("externalId", t.externalId());
        }
        g.put("displayName", t.displayName());
        if (members) {
            ArrayNode list = g.putArray("members");
            t.members().forEach(m -> list.addObject().put("value", m.id().toString()).put("display", m.display())
                    .put("$ref", location("Users", m.id())));
        }
        g.putObject("meta").put("resourceType", "Group").put("created", t.created().toString())
                .put("lastModified", t.updated().toString()).put("location", location("Groups", t.id()))
                .put("version", "W/\"" + t.version() + "\"");
        return g;
    }

    private static Provisioning.PersonInput personOf(JsonNode body) {
        JsonNode name = body.get("name");
        String email = null;
        JsonNode emails = body.get("emails");
        if (emails != null && emails.isArray()) {
            for (JsonNode e : emails) {
                if (email == null || e.path("primary").asBoolean(false)) {
                    email = nullable(e.get("value"));
                }
            }
        }
        String displayName = nullable(body.get("displayName"));
        if (displayName == null && name != null) {
            displayName = nullable(name.get("formatted"));
        }
        return new Provisioning.PersonInput(nullable(body.get("userName")), nullable(body.get("externalId")), displayName,
                name == null ? null : nullable(name.get("givenName")), name == null ? null : nullable(name.get("familyName")), email,
                body.has("active") ? bool(body.get("active")) : null);
    }

    private static List<JsonNode> operations(JsonNode body) {
        JsonNode ops = body == null ? null : body.get("Operations");
        if (ops == null || !ops.isArray()) {
            throw new ScimError(HttpStatus.BAD_REQUEST, "invalidSyntax", "A PATCH sends Operations (urn:ietf:params:scim:api:messages:2.0:PatchOp)");
        }
        List<JsonNode> list = new ArrayList<>();
        ops.forEach(list::add);
        return list;
    }

    private static List<UUID> memberIds(JsonNode members) {
        List<UUID> ids = new ArrayList<>();
        if (members != null && members.isArray()) {
            for (JsonNode m : members) {
                ids.add(id(text(m.get("value"))));
            }
        }
        return ids;
    }

    private static Boolean bool(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asString().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new ScimError(HttpStatus.BAD_REQUEST, "invalidValue", "active is true or false");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }

    private static String nullable(JsonNode node) {
        return node == null || node.isNull() || node.asString().isBlank() ? null : node.asString().strip();
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException e) {
            throw new ScimError(HttpStatus.NOT_FOUND, null, "No such resource: " + (id.length() > 40 ? id.substring(0, 40) : id));
        }
    }

    private static String[] filter(String filter) {
        Matcher m = FILTER.matcher(filter);
        if (!m.matches()) {
            throw new ScimError(HttpStatus.BAD_REQUEST, "invalidFilter", "Only attribute eq \"value\" filters are supported");
        }
        return new String[] {m.group(1).toLowerCase(Locale.ROOT), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\")};
    }

    private static ObjectNode list(long total, long startIndex, int itemsPerPage) {
        ObjectNode list = JSON.createObjectNode();
        list.putArray("schemas").add(LIST);
        list.put("totalResults", total).put("startIndex", startIndex).put("itemsPerPage", itemsPerPage);
        return list;
    }

    private String location(String type, UUID id) {
        return baseUrl + "/scim/v2/" + type + "/" + id;
    }

    private static ResponseEntity<JsonNode> ok(JsonNode body) {
        return ResponseEntity.ok().contentType(SCIM).body(body);
    }
}
