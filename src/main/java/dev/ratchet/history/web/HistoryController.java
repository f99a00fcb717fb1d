package dev.ratchet.history.web;

import dev.ratchet.history.HistoryManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The history tab of any record (an htmx fragment), and the check of the organisation's whole chain. */
@Controller
class HistoryController {

    private final HistoryManagement history;

    HistoryController(HistoryManagement history) {
        this.history = history;
    }

    @GetMapping("/history")
    @PreAuthorize(Access.MEMBER)
    String entries(@RequestParam String type, @RequestParam String id, Model model) {
        model.addAttribute("entries", history.readable(CurrentTenant.require(), type, id));
        return "history/entries :: entries";
    }

    @GetMapping("/history/verification")
    @PreAuthorize(Access.VERIFY_HISTORY)
    String verification(Model model) {
        model.addAttribute("verification", history.verify(CurrentTenant.require().organisationId()));
        return "history/verification";
    }
}
