package dev.ratchet.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.action.ActionView;
import dev.ratchet.risk.AcceptanceForm;
import dev.ratchet.risk.AssessmentForm;
import dev.ratchet.risk.AssessmentReason;
import dev.ratchet.risk.NewRiskForm;
import dev.ratchet.risk.RiskManagement;
import dev.ratchet.risk.RiskView;
import dev.ratchet.risk.Treatment;
import dev.ratchet.risk.TreatmentForm;
import dev.ratchet.soa.ImplementationStatus;
import dev.ratchet.soa.SoaForm;

/**
 * Kestrel's risk assessment: top management approves the default criteria, the ISMS manager records 25 risks with
 * their owners, treatment actions are planned (some done, some late), an owner accepts a residual risk whose
 * acceptance ends soon, the plan and the Statement of Applicability are approved (three controls excluded with their
 * justification, one of them still called for by a risk) and a decision changes after the approval.
 */
class RiskStory {

    private final Services services;
    private final Cast cast;
    private final Timeline time;
    private final Map<String, UUID> risks = new java.util.HashMap<>();

    RiskStory(Services services, Cast cast, Timeline time) {
        this.services = services;
        this.cast = cast;
        this.time = time;
    }

    /** Title, threat, weakness, consequence, owner, category, controls, inherent L×I, current L×I, target, treatment. */
    private record Line(String title, String threat, String weakness, String consequence, Person owner, String category,
            List<String> controls, int il, int ii, int cl, int ci, String target, Treatment treatment) {
    }

    private List<Line> register() {
        return List.of(
                new Line("Customer data exposed through a lost laptop", "A laptop holding customer exports is lost or stolen",
                        "Disk encryption was not enforced on every laptop", "A personal data breach to notify; Northbank's trust lost",
                        cast.devops(), "Technology", List.of("A.8.1", "A.8.24"), 4, 4, 3, 4, "Medium", Treatment.MODIFY),
                new Line("Production credentials phished", "An engineer's SSO account is taken over by phishing",
                        "Push-approval MFA can be fatigued", "Access to the production platform and customer data", cast.cto(),
                        "People", List.of("A.5.17", "A.6.3", "A.8.5"), 4, 5, 4, 4, "Medium", Treatment.MODIFY),
                new Line("AWS region outage", "eu-west-2 is unavailable for hours", "The platform runs in one region",
                        "Customers' dashboards down; SLA credits", cast.cto(), "Suppliers", List.of("A.5.30", "A.8.14"), 2, 4, 2, 4,
                        "Medium", Treatment.RETAIN),
                new Line("Ransomware on the office network", "Malware encrypts shared drives", "Old NAS in the Bristol office",
                        "Days of lost work", cast.devops(), "Technology", List.of("A.8.7", "A.8.13"), 3, 3, 2, 3, "Low", Treatment.MODIFY),
                new Line("Leaver keeps access to SaaS tools", "A former employee still signs in to tools outside SSO",
                        "Some tools are not behind the identity provider", "Customer data read after leaving", cast.operations(),
                        "People", List.of("A.5.18", "A.6.5"), 3, 4, 3, 3, "Low", Treatment.MODIFY),
                new Line("Backups cannot be restored in time", "A restore takes longer than the recovery objective",
                        "Restores are rarely tested end to end", "Customers without data for days", cast.devops(), "Technology",
                        List.of("A.8.13", "A.5.30"), 3, 5, 2, 4, "Medium", Treatment.MODIFY),
                new Line("Contractor code reaches production unreviewed", "A freelance developer merges code without review",
                        "Branch protection is off on two repositories", "A vulnerability or a backdoor in the product", cast.cto(),
                        "Suppliers", List.of("A.8.30", "A.8.28"), 2, 4, 2, 3, "Low", Treatment.MODIFY),
                new Line("Support desk sends data to the wrong customer", "A CSV export is e-mailed to the wrong address",
                        "Autocomplete of addresses; no check before sending", "A personal data breach", cast.customerSuccess(),
                        "People", List.of("A.5.14", "A.8.12"), 4, 3, 3, 3, "Medium", Treatment.MODIFY),
                new Line("Analytics sub-processor breached", "A sub-processor holding event data is breached",
                        "Supplier security is reviewed only at onboarding", "Notifications to customers and the ICO",
                        cast.you(), "Suppliers", List.of("A.5.19", "A.5.21", "A.5.22"), 2, 4, 2, 3, "Medium", Treatment.SHARE),
                new Line("Unpatched library exploited", "A known vulnerability in a dependency is exploited",
                        "Dependency updates are manual", "Remote code execution on the API", cast.engineer(), "Technology",
                        List.of("A.8.8"), 4, 4, 3, 3, "Medium", Treatment.MODIFY),
                new Line("Secrets committed to a repository", "An API key is pushed to a public fork", "No secret scanning",
                        "Cloud resources misused; data exposed", cast.engineer(), "Technology", List.of("A.8.4", "A.8.12"), 3, 4, 2, 3,
                        "Low", Treatment.MODIFY),
                new Line("Logs do not show an intrusion", "An attacker's actions go unnoticed", "Alerting covers the API only",
                        "A breach found months later", cast.devops(), "Technology", List.of("A.8.15", "A.8.16"), 3, 4, 3, 3, "Medium",
                        Treatment.MODIFY),
                new Line("Key person unavailable", "The only DevOps engineer is away during an incident", "Runbooks are incomplete",
                        "A longer outage", cast.cto(), "People", List.of("A.5.29", "A.6.3"), 3, 3, 2, 3, "Medium", Treatment.MODIFY),
                new Line("Office break-in", "Laptops and paper are stolen from the Bristol office", "The side door has no alarm",
                        "Equipment lost; a possible breach", cast.operations(), "Physical", List.of("A.7.1", "A.7.2"), 2, 3, 1, 3, "Low",
                        Treatment.MODIFY),
                new Line("DDoS against the API", "A volumetric attack on the public API", "Rate limits per customer only",
                        "Service degraded for everyone", cast.devops(), "Technology", List.of("A.8.20", "A.8.6"), 3, 3, 2, 3, "Medium",
                        Treatment.SHARE),
                new Line("Test data holds production personal data", "A copy of production is used in staging", "No masking",
                        "Personal data where it should not be", cast.engineer(), "Compliance", List.of("A.8.33", "A.8.11"), 3, 3, 2, 2,
                        "Low", Treatment.MODIFY),
                new Line("GDPR request answered late", "A data subject request misses the one-month deadline",
                        "Requests arrive through several channels", "A complaint to the ICO", cast.customerSuccess(), "Compliance",
                        List.of("A.5.34"), 3, 3, 2, 2, "Low", Treatment.MODIFY),
                new Line("Northbank audit finds gaps", "The client audit finds the schedule's controls missing",
                        "Controls mapped to the schedule informally", "Contract at risk", cast.ceo(), "Compliance", List.of("A.5.31", "A.5.36"),
                        2, 5, 2, 3, "Medium", Treatment.MODIFY),
                new Line("Privileged access misused", "An administrator abuses production access", "Break-glass use is not reviewed",
                        "Data altered or read without need", cast.cto(), "People", List.of("A.8.2", "A.8.18"), 2, 4, 2, 3, "Low",
                        Treatment.MODIFY),
                new Line("Payment card data stored by mistake", "Card numbers are pasted into support tickets", "No DLP on the desk",
                        "PCI scope and a breach", cast.customerSuccess(), "Compliance", List.of("A.8.12"), 2, 4, 1, 4, "Low",
                        Treatment.AVOID),
                new Line("Web application vulnerability", "An injection flaw in the dashboard", "No regular penetration test",
                        "Customer data of several tenants exposed", cast.engineer(), "Technology", List.of("A.8.29", "A.8.26"), 3, 5, 2, 4,
                        "Medium", Treatment.MODIFY),
                new Line("Shadow IT tool holds customer data", "A team signs up for a SaaS tool and uploads data",
                        "Purchasing does not check security", "Data with an unvetted supplier", cast.ceo(), "Suppliers",
                        List.of("A.5.23", "A.5.19"), 3, 3, 3, 2, "Low", Treatment.MODIFY),
                new Line("Mobile phones with company mail lost", "A phone with mail and chat is lost", "No device management on phones",
                        "Internal information exposed", cast.operations(), "Technology", List.of("A.8.1", "A.6.7"), 3, 2, 3, 2, "Low",
                        Treatment.RETAIN),
                new Line("Insider deletes a customer's data", "A disgruntled employee deletes a tenant", "Deletion needs one person",
                        "Data lost; restore needed", cast.cto(), "People", List.of("A.8.3", "A.8.13"), 1, 5, 1, 4, "Medium", Treatment.MODIFY),
                new Line("Change breaks production", "A deployment breaks the API for all customers", "Rollbacks are manual",
                        "An outage of hours", cast.devops(), "Technology", List.of("A.8.32"), 4, 3, 3, 2, "Low", Treatment.MODIFY));
    }

    void play() {
        time.on(505, "10:00", cast.ceo(), () -> services.riskCriteria.approve(cast.ceo().tenant(), 0L,
                "Ratchet's 5 × 5 criteria, approved at the ISMS kick-off; re-assess yearly"));
        List<Line> lines = register();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            time.on(500 - i, "11:00", cast.you(), () -> risks.put(line.title(), services.risks.record(cast.you().tenant(), form(line)).id()));
        }
        // The treatment plan: done, late and on time.
        plan(470, "Customer data exposed through a lost laptop", "Enforce disk encryption on every laptop through MDM", cast.devops(), 440,
                List.of("A.8.1", "A.8.24"), 430);
        plan(470, "Production credentials phished", "Move engineers to phishing-resistant passkeys", cast.cto(), 60, List.of("A.8.5"), -1);
        plan(460, "Backups cannot be restored in time", "Run a quarterly full restore test", cast.devops(), 300, List.of("A.8.13"), 290);
        plan(455, "Leaver keeps access to SaaS tools", "Put every SaaS tool behind the identity provider", cast.operations(), 45,
                List.of("A.5.18"), -1);
        plan(450, "Contractor code reaches production unreviewed", "Turn branch protection on for every repository", cast.cto(), 420,
                List.of("A.8.28"), 418);
        plan(440, "Unpatched library exploited", "Automate dependency updates with a weekly bot", cast.engineer(), 20, List.of("A.8.8"), -1);
        plan(430, "Secrets committed to a repository", "Enable secret scanning on every repository", cast.engineer(), 400, List.of("A.8.4"), 395);
        plan(300, "Web application vulnerability", "Commission a yearly penetration test", cast.cto(), -40, List.of("A.8.29"), -1);
        plan(200, "Logs do not show an intrusion", "Alert on administrative actions in AWS CloudTrail", cast.devops(), 10, List.of("A.8.16"), -1);
        // The lost-laptop risk is lowered on the strength of the encryption, once done.
        time.on(425, "15:00", cast.devops(), () -> {
            UUID id = risks.get("Customer data exposed through a lost laptop");
            RiskView r = services.risks.get(cast.you().organisationId(), id);
            AssessmentForm a = new AssessmentForm();
            a.setReason(AssessmentReason.TREATMENT);
            a.setInherentLikelihood(4);
            a.setInherentImpact(4);
            a.setCurrentLikelihood(2);
            a.setCurrentImpact(3);
            a.setTargetLevel("Medium");
            a.setNote("Encryption is enforced by MDM on all 42 laptops; a lost laptop no longer exposes data.");
            a.setBasisActionId(r.treatmentPlan().get(0).action().id());
            a.setVersion(r.version());
            services.risks.assess(cast.devops().tenant(), id, a);
        });
        // Owners accept residual risk; one acceptance ends in three weeks.
        accept(340, "AWS region outage", cast.ceo(), "A second region costs more than the expected SLA credits; reviewed yearly", 340 + 21);
        accept(200, "Mobile phones with company mail lost", cast.operations(), "Mail is behind SSO with remote sign-out; phones hold little", 300);
        time.on(110, "16:00", cast.ceo(), () -> services.treatmentPlan.approve(cast.ceo().tenant(), "Approved at the management review"));
        soa();
    }

    private NewRiskForm form(Line line) {
        NewRiskForm form = new NewRiskForm();
        form.setTitle(line.title());
        form.setThreat(line.threat());
        form.setVulnerability(line.weakness());
        form.setConsequence(line.consequence());
        form.setOwnerId(line.owner().userId());
        form.setCategory(line.category());
        form.setRequirements(new ArrayList<>(line.controls()));
        form.setTreatment(line.treatment());
        form.getAssessment().setInherentLikelihood(line.il());
        form.getAssessment().setInherentImpact(line.ii());
        form.getAssessment().setCurrentLikelihood(line.cl());
        form.getAssessment().setCurrentImpact(line.ci());
        form.getAssessment().setTargetLevel(line.target());
        return form;
    }

    /** A treatment action planned {@code daysAgo}, due {@code dueAgo} days ago (negative: in the future), done {@code doneAgo} (-1: open). */
    private void plan(int daysAgo, String risk, String title, Person owner, int dueAgo, List<String> controls, int doneAgo) {
        time.on(daysAgo, "14:00", cast.you(), () -> {
            TreatmentForm form = new TreatmentForm();
            form.setTitle(title);
            form.setOwnerId(owner.userId());
            form.setDueDate(time.day(0).minusDays(dueAgo));
            form.setSuccessCriteria("Done as described, with evidence attached to the action");
            form.setControls(new ArrayList<>(controls));
            services.risks.planTreatment(cast.you().tenant(), risks.get(risk), form);
        });
        if (doneAgo >= 0) {
            time.on(doneAgo, "17:00", owner, () -> {
                ActionView action = services.actions.of(cast.you().organisationId(), RiskManagement.TREATMENT_ORIGIN, risks.get(risk)).stream()
                        .filter(a -> a.title().equals(title)).findFirst().orElseThrow();
                services.actions.complete(cast.you().organisationId(), action.id(), owner.userId(), false,
                        "Done; the report is attached in the team's drive", action.version());
            });
        }
    }

    private void accept(int daysAgo, String risk, Person by, String rationale, int forDays) {
        time.on(daysAgo, "12:00", by, () -> {
            UUID id = risks.get(risk);
            AcceptanceForm form = new AcceptanceForm();
            form.setRationale(rationale);
            form.setExpiresOn(time.day(daysAgo).plusDays(forDays));
            form.setVersion(services.risks.get(cast.you().organisationId(), id).version());
            services.risks.accept(by.tenant(), id, form);
        });
    }

    /**
     * Every control decided: three excluded with their justification (A.8.30 is still named by the contractor-code
     * risk, a problem left for the demo's user to resolve), most implemented; approved, then one control changes.
     */
    private void soa() {
        Set<String> excluded = Set.of("A.7.11", "A.7.12", "A.8.30");
        Map<String, String> why = Map.of(
                "A.7.11", "No servers or network equipment of our own on premises: the platform runs in AWS and the office's utilities are the landlord's",
                "A.7.12", "No cabling of our own: the office is a serviced floor whose cabling belongs to the landlord",
                "A.8.30", "Development is done by our own staff; no development is outsourced");
        Set<String> partial = Set.of("A.5.7", "A.8.16", "A.8.29", "A.5.23", "A.8.5");
        Set<String> planned = Set.of("A.8.11", "A.5.30");
        time.on(120, "09:00", cast.you(), () -> {
            for (var control : services.soa.controls()) {
                String code = control.code();
                SoaForm form = new SoaForm();
                boolean out = excluded.contains(code);
                form.setApplicable(!out);
                form.setExclusionJustification(out ? why.get(code) : null);
                form.setStatus(out ? ImplementationStatus.NOT_STARTED : partial.contains(code) ? ImplementationStatus.PARTIAL
                        : planned.contains(code) ? ImplementationStatus.PLANNED : ImplementationStatus.IMPLEMENTED);
                form.setOtherReasons(out ? null : "Needed for ISO/IEC 27001 certification and the Northbank security schedule");
                form.setImplementation(out ? null : "Described in the ISMS policies; checked at the internal audits of the areas concerned");
                form.setOwnerId(code.startsWith("A.8.") ? cast.cto().userId() : code.startsWith("A.7.") || code.startsWith("A.6.")
                        ? cast.operations().userId() : cast.you().userId());
                form.setEvidenceValidMonths(code.startsWith("A.8.") ? 12 : null);
                form.setVersion(0L);
                services.soa.decide(cast.you().tenant(), control.reference(), form);
            }
        });
        time.on(110, "16:30", cast.ceo(), () -> services.soa.approve(cast.ceo().tenant(), "Approved at the management review"));
        time.on(30, "10:00", cast.you(), () -> {
            var row = services.soa.row(cast.you().organisationId(), "A.8.5");
            SoaForm form = new SoaForm();
            form.setApplicable(true);
            form.setStatus(ImplementationStatus.IMPLEMENTED);
            form.setOtherReasons(row.otherReasons());
            form.setImplementation("Passkeys for every engineer; SSO with phishing-resistant MFA for everyone else");
            form.setOwnerId(row.ownerId());
            form.setEvidenceValidMonths(12);
            form.setVersion(row.version());
            services.soa.decide(cast.you().tenant(), "A.8.5", form);
        });
    }
}
