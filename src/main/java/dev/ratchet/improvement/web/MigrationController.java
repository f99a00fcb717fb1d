package dev.ratchet.improvement.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bringing an existing tracker in: upload, check the mapping of its columns and the problems Ratchet names by row and
 * column, change the mapping, import all the rows or none.
 */
@Controller
class MigrationController {

    private final TrackerMigration migration;
    private final ImportUploads uploads;

    MigrationController(TrackerMigration migration, ImportUploads uploads) {
        this.migration = migration;
        this.uploads = uploads;
    }

    @GetMapping("/improvements/migration")
    @PreAuthorize(Access.CONFIGURE)
    String start(Model model) {
        model.addAttribute("template", TrackerMigration.TEMPLATE);
        return "improvement/migration";
    }

    @GetMapping("/improvements/migration/template.csv")
    @PreAuthorize(Access.CONFIGURE)
    ResponseEntity<byte[]> template() {
        String csv = String.join(",", TrackerMigration.TEMPLATE) + "\r\n"
                + "NC-17,Leaver account still active,Account of a leaver in finance was active 3 weeks after leaving,Nonconformity,Internal audit,"
                + "Minor,Closed,ines.manager@example.com,2025-03-04,2025-04-04,2025-03-28,Leaver ticket not sent to IT,Account disabled\r\n";
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
            String name = file == null ? null : file.getOriginalFilename();
            TrackerMigration.Table table = migration.read(name, content);
            UUID id = uploads.store(tenant.organisationId(), TrackerMigration.REGISTER, name, content, table.rows().size(), tenant.userId());
            return "redirect:/improvements/migration/" + id;
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/improvements/migration";
        }
    }

    @GetMapping("/improvements/migration/{uploadId}")
    @PreAuthorize(Access.CONFIGURE)
    String preview(@PathVariable UUID uploadId, @RequestParam(name = "map", required = false) List<TrackerMigration.Target> map, Model model) {
        Tenant tenant = CurrentTenant.require();
        ImportUploads.Upload upload = load(tenant, uploadId);
        TrackerMigration.Table table = migration.read(upload.fileName(), upload.content());
        List<TrackerMigration.Target> mapping = map == null || map.size() != table.headers().size() ? TrackerMigration.guess(table.headers()) : map;
        TrackerMigration.Check check = migration.check(tenant, table, mapping);
        model.addAttribute("upload", upload);
        model.addAttribute("table", table);
        model.addAttribute("mapping", mapping);
        model.addAttribute("check", check);
        model.addAttribute("targets", TrackerMigration.Target.values());
        model.addAttribute("sample", check.lines().subList(0, Math.min(10, check.lines().size())));
        model.addAttribute("template", TrackerMigration.TEMPLATE);
        return "improvement/migration";
    }

    @PostMapping("/improvements/migration/{uploadId}/import")
    @PreAuthorize(Access.CONFIGURE)
    String importAll(@PathVariable UUID uploadId, @RequestParam(name = "map", required = false) List<TrackerMigration.Target> map,
            RedirectAttributes redirect) {
        Tenant tenant = CurrentTenant.require();
        ImportUploads.Upload upload = load(tenant, uploadId);
        List<TrackerMigration.Target> mapping = map == null ? TrackerMigration.guess(migration.read(upload.fileName(), upload.content()).headers())
                : new ArrayList<>(map);
        try {
            int count = migration.importFile(tenant, uploadId, mapping);
            redirect.addFlashAttribute("success", count + " records from " + upload.fileName()
                    + " are in the register, tagged \"migrated\", each with its tracker reference as its source reference.");
            return "redirect:/improvements";
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
            StringBuilder query = new StringBuilder();
            mapping.forEach(t -> query.append(query.isEmpty() ? "?" : "&").append("map=").append(t.name()));
            return "redirect:/improvements/migration/" + uploadId + query;
        }
    }

    private ImportUploads.Upload load(Tenant tenant, UUID id) {
        ImportUploads.Upload upload = uploads.load(tenant.organisationId(), TrackerMigration.REGISTER, id);
        if (upload == null) {
            throw Refused.notFound("Upload");
        }
        return upload;
    }
}
