package dev.ratchet.tabular;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages of a register, for a {@code @Controller} with the register's path as its {@code @RequestMapping}:
 * {@code /import} (upload, then problems or preview), {@code /import/template.csv}, {@code /import/{uploadId}}
 * (confirm). Only the ISMS manager imports.
 */
public abstract class ImportEndpoints<R> {

    private final Imports imports;
    private final ImportPage page;
    private final Importer<R> importer;
    private final String templateFile;
    private final String noun;
    private final List<String> previewHeaders;
    private final Function<R, List<String>> previewRow;

    protected ImportEndpoints(Imports imports, ImportPage page, Importer<R> importer, String templateFile, String noun,
            List<String> previewHeaders, Function<R, List<String>> previewRow) {
        this.imports = imports;
        this.page = page;
        this.importer = importer;
        this.templateFile = templateFile;
        this.noun = noun;
        this.previewHeaders = previewHeaders;
        this.previewRow = previewRow;
    }

    @GetMapping("/import")
    @PreAuthorize(Access.CONFIGURE)
    public String importForm(Model model) {
        return page.show(model);
    }

    @GetMapping("/import/template.csv")
    @PreAuthorize(Access.CONFIGURE)
    public ResponseEntity<byte[]> importTemplate() {
        return page.template(templateFile);
    }

    @PostMapping("/import")
    @PreAuthorize(Access.CONFIGURE)
    public String upload(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        return page.upload(model, imports, importer, CurrentTenant.require(), file, previewHeaders, previewRow);
    }

    @PostMapping("/import/{uploadId}")
    @PreAuthorize(Access.CONFIGURE)
    public String confirm(@PathVariable UUID uploadId, RedirectAttributes redirect) {
        return page.confirm(redirect, imports, CurrentTenant.require(), uploadId, noun);
    }
}
