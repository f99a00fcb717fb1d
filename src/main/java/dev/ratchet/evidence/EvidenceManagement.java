package dev.ratchet.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.evidence.domain.EvidenceFile;
import dev.ratchet.evidence.domain.EvidenceFileRepository;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Sha256;
import dev.ratchet.shared.Tenant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/** Stores evidence that passes the rules (size, type, date) with its SHA-256, and gives it back as a download. */
@Service
@Transactional
public class EvidenceManagement {

    /** What may be uploaded, by file ending, and the content type it is served with whatever the browser claimed. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("txt", "text/plain"), Map.entry("log", "text/plain"), Map.entry("md", "text/plain"),
            Map.entry("csv", "text/csv"), Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("eml", "message/rfc822"), Map.entry("msg", "application/vnd.ms-outlook"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"));

    /** Tika's detector reads the content's magic bytes only: the name a browser sent is not evidence of what a file is. */
    private static final org.apache.tika.Tika CONTENT = new org.apache.tika.Tika();

    /**
     * Whether what Tika detected in the content fits the file's ending: the same format for documents and images, a zip
     * container for office files (Tika's core does not open containers), any text for text endings.
     */
    static boolean contentMatches(String ending, String detected) {
        boolean text = detected.startsWith("text/") || detected.equals("application/json") || detected.equals("application/xml");
        boolean zip = detected.equals("application/zip") || detected.equals("application/x-tika-ooxml")
                || detected.startsWith("application/vnd.openxmlformats-officedocument.") || detected.startsWith("application/vnd.oasis.opendocument.");
        return switch (ending) {
            case "pdf" -> detected.equals("application/pdf");
            case "png" -> detected.equals("image/png");
            case "jpg", "jpeg" -> detected.equals("image/jpeg");
            case "gif" -> detected.equals("image/gif");
            case "webp" -> detected.equals("image/webp");
            case "txt", "log", "md", "csv", "json", "xml" -> text;
            case "eml" -> text || detected.equals("message/rfc822");
            case "msg" -> detected.equals("application/x-tika-msoffice") || detected.equals("application/vnd.ms-outlook");
            case "docx", "xlsx", "pptx", "odt", "ods" -> zip;
            default -> false;
        };
    }

    private final EvidenceFileRepository files;
    private final JdbcTemplate jdbc;
    private final People people;
    private final Clock clock;
    private final DataSize maxSize;

    EvidenceManagement(EvidenceFileRepository files, JdbcTemplate jdbc, People people, Clock clock,
            @Value("${ratchet.evidence.max-size:20MB}") DataSize maxSize, ObjectProvider<EvidenceVisibility> visibilities) {
        this.visibilities = visibilities;
        this.files = files;
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    private final ObjectProvider<EvidenceVisibility> visibilities;

    public record Upload(String fileName, long size, InputStream content, LocalDate evidenceDate, String description) {

        /** A file sent as a multipart part (page or API); none sent is refused by {@link #store} naming the file. */
        public static Upload of(org.springframework.web.multipart.MultipartFile file, LocalDate evidenceDate, String description)
                throws java.io.IOException {
            return new Upload(file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(),
                    file == null ? InputStream.nullInputStream() : file.getInputStream(), evidenceDate, description);
        }
    }

    public record Download(String fileName, String contentType, byte[] content, String sha256) {

        /** The file as a download: its bytes as uploaded, its name, its SHA-256 in {@code Digest}, never sniffed. */
        public org.springframework.http.ResponseEntity<byte[]> response() {
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType(contentType))
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                            .attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(sha256)))
                    .body(content);
        }
    }

    /** Stores the file for the record; refuses, naming the rule, a file that breaks one. */
    public EvidenceView store(UUID organisationId, String ownerType, UUID ownerId, UUID uploadedBy, Upload upload)
            throws IOException {
        String name = upload.fileName() == null ? "" : upload.fileName().replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (name.isEmpty() || upload.size() == 0) {
            throw Refused.field("file", "Choose a file to upload");
        }
        if (name.length() > 255) {
            throw Refused.field("file", "The file name is longer than 255 characters: rename it first");
        }
        String ending = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String contentType = ALLOWED.get(ending);
        if (contentType == null) {
            throw Refused.field("file", "Files of type \"" + (ending.isEmpty() ? "(none)" : ending)
                    + "\" are not accepted. Accepted: " + String.join(", ", new java.util.TreeSet<>(ALLOWED.keySet())));
        }
        if (upload.size() > maxSize.toBytes()) {
            throw Refused.field("file", "The file is larger than " + maxSize.toMegabytes() + " MB");
        }
        if (upload.evidenceDate() == null) {
            throw Refused.field("evidenceDate", "Say when the evidence was produced or observed");
        }
        if (upload.evidenceDate().isAfter(LocalDate.now(clock))) {
            throw Refused.field("evidenceDate", "The evidence date cannot be in the future");
        }
        MessageDigest digest = Sha256.digest();
        byte[] bytes;
        try (DigestInputStream in = new DigestInputStream(upload.content(), digest)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE, maxSize.toBytes() + 1));
        }
        if (bytes.length > maxSize.toBytes()) {
            throw Refused.field("file", "The file is larger than " + maxSize.toMegabytes() + " MB");
        }
        String detected = CONTENT.detect(bytes);
        if (!contentMatches(ending, detected)) {
            throw Refused.field("file", "The file's content is not a ." + ending + " file (it looks like " + detected
                    + "): upload the document itself, under its own ending");
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        EvidenceFile file = files.saveAndFlush(new EvidenceFile(organisationId, ownerType, ownerId, name, contentType,
                bytes.length, hash, upload.evidenceDate(), upload.description(), uploadedBy, clock.instant()));
        jdbc.update("insert into evidence_content (id, content) values (?, ?)", file.getId(), bytes);
        return view(file, people.displayNames(organisationId));
    }

    @Transactional(readOnly = true)
    public List<EvidenceView> of(UUID organisationId, UUID ownerId) {
        Map<UUID, String> names = people.displayNames(organisationId);
        return files.findByOrganisationIdAndOwnerIdOrderByEvidenceDateDescUploadedAtDesc(organisationId, ownerId)
                .stream().map(f -> view(f, names)).toList();
    }

    /** The files of several records (the lines of a checklist) in one query. */
    @Transactional(readOnly = true)
    public List<EvidenceView> ofOwners(UUID organisationId, java.util.Collection<UUID> ownerIds) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = people.displayNames(organisationId);
        return files.findByOrganisationIdAndOwnerIdInOrderByEvidenceDateDescUploadedAtDesc(organisationId, ownerIds)
                .stream().map(f -> view(f, names)).toList();
    }

    /**
     * The file as stored, for a person who may read the record it belongs to (otherwise it is not found, as for
     * another organisation's); its hash is checked again, so a changed file is never served as evidence.
     */
    @Transactional(readOnly = true)
    public Download download(Tenant tenant, UUID id) {
        EvidenceFile file = files.findByIdAndOrganisationId(id, tenant.organisationId())
                .orElseThrow(() -> Refused.notFound("Evidence"));
        boolean refused = visibilities.stream().anyMatch(v -> v.ownerType().equals(file.getOwnerType())
                && !v.mayRead(tenant, file.getOwnerId(), file.getId()));
        if (refused) {
            throw Refused.notFound("Evidence");
        }
        byte[] content = jdbc.queryForObject("select content from evidence_content where id = ?", byte[].class, id);
        String hash = Sha256.hex(content);
        if (!hash.equals(file.getSha256())) {
            throw Refused.conflict("This file no longer matches the SHA-256 recorded when it was uploaded: it was changed");
        }
        return new Download(file.getFileName(), file.getContentType(), content, hash);
    }

    private static EvidenceView view(EvidenceFile f, Map<UUID, String> names) {
        return new EvidenceView(f.getId(), f.getOwnerType(), f.getOwnerId(), f.getFileName(), f.getContentType(),
                f.getSizeBytes(), f.getSha256(), f.getEvidenceDate(), f.getDescription(), f.getUploadedBy(),
                names.getOrDefault(f.getUploadedBy(), "(former member)"), f.getUploadedAt());
    }

}
