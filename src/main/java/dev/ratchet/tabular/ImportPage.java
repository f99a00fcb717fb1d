package dev.ratchet.tabular;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages of a register under {@code path} (template {@code tabular/import}): {@code path/import} to
 * upload, the problems or a preview, {@code path/import/{uploadId}} to confirm, {@code path/import/template.csv}.
 */
public record ImportPage(String title, String backLabel, String path, Importer<?> importer) {

    public static final String VIEW = "tabular/import";

    public String show(Model model) {
        model.addAttribute("importTitle", title);
        model.addAttribute("backLabel", backLabel);
        model.addAttribute("backHref", path);
        model.addAttribute("uploadAction", path + "/import");
        model.addAttribute("templateHref", path + "/import/template.csv");
        model.addAttribute("fields", importer.fields().stream().filter(f -> !f.exportOnly()).toList());
        model.addAttribute("uploadId", null);
        return VIEW;
    }

    private String problems(Model model, String fileName, List<CsvImport.Problem> problems) {
        model.addAttribute("fileName", fileName);
        model.addAttribute("problems", problems);
        return show(model);
    }

    /** Checks an uploaded file: shows its problems (nothing written) or keeps it and shows the first rows to confirm. */
    public <R> String upload(Model model, Imports imports, Importer<R> checker, Tenant tenant, MultipartFile file,
            List<String> headers, Function<R, List<String>> row) throws IOException {
        String name = file == null || file.getOriginalFilename() == null ? "the upload" : file.getOriginalFilename();
        byte[] content = file == null ? new byte[0] : file.getBytes();
        if (content.length == 0) {
            return problems(model, name, List.of(new CsvImport.Problem(0, "", "Choose a CSV or XLSX file to upload")));
        }
        String before = imports.importedBefore(tenant, checker, content);
        if (before != null) {
            return problems(model, name, List.of(new CsvImport.Problem(0, "", before)));
        }
        CsvImport.Result<R> checked = checker.check(tenant, content);
        if (!checked.ok()) {
            return problems(model, name, checked.problems());
        }
        UUID uploadId = imports.keep(tenant, checker, name, content, checked);
        show(model);
        model.addAttribute("fileName", name);
        model.addAttribute("uploadId", uploadId);
        model.addAttribute("rowCount", checked.rowCount());
        model.addAttribute("notices", checked.notices());
        model.addAttribute("previewHeaders", headers);
        model.addAttribute("previewRows", checked.rows().stream().limit(20).map(row).toList());
        model.addAttribute("confirmAction", path + "/import/" + uploadId);
        return VIEW;
    }

    /** Imports the kept file and goes back to the register with what happened. */
    public String confirm(RedirectAttributes redirect, Imports imports, Tenant tenant, UUID uploadId, String noun) {
        try {
            int imported = imports.confirm(tenant, importer, uploadId);
            redirect.addFlashAttribute("success", imported + " " + noun + (imported == 1 ? "" : "s") + " imported.");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + path;
    }

    /** A CSV with just the header row, for people to fill in. */
    public ResponseEntity<byte[]> template(String fileName) {
        String header = "\uFEFF" + String.join(",", importer.fields().stream().filter(f -> !f.exportOnly()).map(CsvImport.Field::name).toList()) + "\r\n";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(header.getBytes(StandardCharsets.UTF_8));
    }
}
