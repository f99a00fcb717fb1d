package dev.ratchet.improvement.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ratchet.improvement.Kind;
import dev.ratchet.tabular.Spreadsheet;
import dev.ratchet.improvement.TrackerMigration;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.ImportUploads;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bringing an existing tracker in: upload; choose the sheet, the header row and the character set (all guessed); map
 * the columns and the values; see how many rows land in each state and why, every default applied and every problem
 * by row and column; import all the rows or none; undo a migration as a whole for a time.
 */
@Controller
class MigrationController {

    private final TrackerMigration migration;
    private final ImportUploads uploads;

    /** Files of more rows than this are imported in the background, with their progress on the page. */
    private final int backgroundRows;

    MigrationController(TrackerMigration migration, ImportUploads uploads,
            @org.springframework.beans.factory.annotation.Value("${ratchet.migration.background-rows:2000}") int backgroundRows) {
        this.backgroundRows = backgroundRows;
        this.migration = migration;
        this.uploads = uploads;
    }

    @GetMapping("/improvements/migration")
    @PreAuthorize(Access.CONFIGURE)
    String start(Model model) {
        model.addAttribute("template", TrackerMigration.TEMPLATE);
        model.addAttribute("migrations", migration.migrations(CurrentTenant.require()));
        return "improvement/migration";
    }

    @GetMapping("/improvements/migration/template.csv")
    @PreAuthorize(Access.CONFIGURE)
    ResponseEntity<byte[]> template() {
        String csv = String.join(",", TrackerMigration.TEMPLATE) + "\r\n"
                + "NC-17,Leaver account still active,Account of a leaver in finance was active 3 weeks after leaving,Nonconformity,Internal audit,"
                + "Minor,Closed,ines.manager@example.com,Finance,A.5.18,2025-03-04,2025-04-04,2025-03-28,Leaver ticket not sent to IT,"
                + "Account disabled,Leaver checklist sends the ticket to IT automatically,2025-05-02\r\n";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("ratchet-tracker-template.csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/improvements/migration")
    @PreAuthorize(Access.CONFIGURE)
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        Tenant tenant = CurrentTenant.require();
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            return "redirect:/improvements/migration/" + migration.upload(tenant, file == null ? null : file.getOriginalFilename(), content).uploadId();
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/improvements/migration";
        }
    }

    @GetMapping("/improvements/migration/{uploadId}")
    @PreAuthorize(Access.CONFIGURE)
    String preview(@PathVariable UUID uploadId, @RequestParam MultiValueMap<String, String> params, Model model) {
        Tenant tenant = CurrentTenant.require();
        ImportUploads.Upload upload = load(tenant, uploadId);
        TrackerMigration.Settings settings = settings(params);
        TrackerMigration.Table table;
        try {
            table = migration.table(upload.fileName(), upload.content(), settings);
        }
        catch (Refused refused) {
            if (settings.sheet() == null && settings.headerRow() == null && settings.encoding() == null) {
                throw refused;
            }
            model.addAttribute("error", refused.getMessage() + " The sheet and header row Ratchet guessed are shown instead.");
            settings = TrackerMigration.Settings.guessed();
            table = migration.table(upload.fileName(), upload.content(), settings);
        }
        TrackerMigration.Check check = migration.check(tenant, table, settings);
        model.addAttribute("upload", upload);
        model.addAttribute("table", table);
        model.addAttribute("check", check);
        model.addAttribute("firstValues", check.firstValues());
        model.addAttribute("targets", TrackerMigration.Target.values());
        model.addAttribute("encodings", Spreadsheet.ENCODINGS);
        model.addAttribute("stateOptions", Map.of(Kind.NONCONFORMITY, TrackerMigration.statusOptions(Kind.NONCONFORMITY),
                Kind.OPPORTUNITY, TrackerMigration.statusOptions(Kind.OPPORTUNITY)));
        model.addAttribute("sample", check.lines().subList(0, Math.min(10, check.lines().size())));
        model.addAttribute("template", TrackerMigration.TEMPLATE);
        return "improvement/migration";
    }

    @PostMapping("/improvements/migration/{uploadId}/import")
    @PreAuthorize(Access.CONFIGURE)
    String importAll(@PathVariable UUID uploadId, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        Tenant tenant = CurrentTenant.require();
        ImportUploads.Upload upload = load(tenant, uploadId);
        TrackerMigration.Settings settings = settings(params);
        try {
            if (upload.rowCount() > backgroundRows) {
                migration.enqueue(tenant, uploadId, settings);
                redirect.addFlashAttribute("success", upload.fileName() + " is being imported in the background (" + upload.rowCount()
                        + " rows): its progress is below. You can leave this page; the register fills when all of it has come in.");
                return "redirect:/improvements/migration";
            }
            TrackerMigration.Migration done = migration.importFile(tenant, uploadId, settings);
            redirect.addFlashAttribute("success", done.records() + " records from " + upload.fileName() + " are in the register, tagged"
                    + " \"migrated\", each with its tracker reference; " + done.actions() + " corrective actions and " + done.reviews()
                    + " effectiveness reviews came with them. You can undo this migration until " + done.undoUntil().format(dev.ratchet.shared.Dates.DAY)
                    + " (Improvements › Bring your tracker in).");
            return "redirect:/improvements";
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
            StringBuilder query = new StringBuilder();
            params.forEach((name, values) -> values.forEach(v -> {
                if (!"_csrf".equals(name)) {
                    query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(v));
                }
            }));
            return "redirect:/improvements/migration/" + uploadId + query;
        }
    }

    @PostMapping("/improvements/migration/runs/{migrationId}/undo")
    @PreAuthorize(Access.CONFIGURE)
    String undo(@PathVariable UUID migrationId, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        try {
            TrackerMigration.Migration undone = migration.undo(CurrentTenant.require(), migrationId, version);
            redirect.addFlashAttribute("success", "The migration of " + undone.fileName() + " is undone: its " + undone.records()
                    + " records are no longer in the register (the history keeps them). The file can be imported again.");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/improvements/migration";
    }

    /** The preview's choices from the request: sheet, header, encoding, map (one per column), v:TARGET:value. */
    static TrackerMigration.Settings settings(MultiValueMap<String, String> params) {
        Integer sheet = integer(params.getFirst("sheet"));
        Integer header = integer(params.getFirst("header"));
        String encoding = params.getFirst("encoding");
        List<TrackerMigration.Target> mapping = null;
        if (params.containsKey("map")) {
            mapping = new ArrayList<>();
            for (String t : params.get("map")) {
                try {
                    mapping.add(TrackerMigration.Target.valueOf(t));
                }
                catch (IllegalArgumentException unknown) {
                    throw Refused.field("map", "\"" + t + "\" is not a field a column can go to");
                }
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, v) -> {
            if (name.startsWith("v:") && !v.isEmpty()) {
                values.put(name.substring(2), v.get(v.size() - 1));
            }
        });
        return new TrackerMigration.Settings(sheet == null ? null : sheet, header, encoding == null || encoding.isBlank() ? null : encoding,
                mapping, values);
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private ImportUploads.Upload load(Tenant tenant, UUID id) {
        ImportUploads.Upload upload = uploads.load(tenant.organisationId(), TrackerMigration.REGISTER, id);
        if (upload == null) {
            throw Refused.notFound("Upload");
        }
        return upload;
    }
}
