package dev.ratchet.risk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.catalogue.CatalogueManagement;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.risk.domain.RiskRepository;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.tabular.CsvImport;
import dev.ratchet.tabular.ImportReferences;
import dev.ratchet.tabular.Importer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register from the spreadsheet people keep today (CSV or XLSX), all rows or none. Columns are found by the
 * names such spreadsheets use ("Risk ID", "Risk owner", "Residual likelihood", "Mitigations", …); likelihood and
 * impact may be the scale's number or its name; treatment options take their common synonyms (mitigate, accept,
 * transfer, terminate). Each row becomes a risk with its first assessment under the criteria in force.
 */
@Service
@Transactional
public class RiskImport implements Importer<RiskImport.Row> {

    public static final String REGISTER = "risks";

    public static final List<CsvImport.Field> FIELDS = List.of(
            CsvImport.Field.optional("Reference", "the risk's reference, unique; Ratchet numbers it when empty").alias("Risk ID", "ID", "Ref", "Risk reference", "Risk no", "No."),
            CsvImport.Field.required("Title", "a short name of the risk").alias("Risk", "Risk title", "Risk name", "Name"),
            CsvImport.Field.required("Threat", "what could happen").alias("Scenario", "Risk description", "Description", "What could happen", "Event", "Threat description"),
            CsvImport.Field.optional("Vulnerability", "the weakness it would exploit").alias("Weakness", "Vulnerabilities", "Cause"),
            CsvImport.Field.required("Consequence", "what would follow").alias("Consequences", "Impact description", "Effect", "Effects"),
            CsvImport.Field.optional("Assets", "the assets or processes affected").alias("Asset", "Affected assets", "Assets affected", "Process", "Processes"),
            CsvImport.Field.optional("Category", "such as Technology or Suppliers").alias("Risk category", "Type", "Risk type"),
            CsvImport.Field.required("Owner", "the risk owner's e-mail address or name as a member of Ratchet").alias("Risk owner", "Owner email", "Accountable"),
            CsvImport.Field.optional("Requirements", "Annex A controls or clauses concerned, separated by commas, such as A.8.24").alias("Annex A controls", "Controls concerned", "ISO controls", "Annex A", "ISO 27001 controls"),
            CsvImport.Field.optional("Existing controls", "the controls in place now").alias("Current controls", "Controls in place", "Existing measures", "Mitigations", "Mitigating controls"),
            CsvImport.Field.required("Inherent likelihood", "the number or name of a point of the likelihood scale, without controls").alias("Likelihood (inherent)", "Gross likelihood", "Likelihood before controls", "Inherent probability"),
            CsvImport.Field.required("Inherent impact", "the number or name of a point of the impact scale, without controls").alias("Impact (inherent)", "Gross impact", "Impact before controls"),
            CsvImport.Field.optional("Current likelihood", "with the controls in place; the inherent one when empty").alias("Residual likelihood", "Likelihood", "Net likelihood", "Likelihood (residual)", "Probability"),
            CsvImport.Field.optional("Current impact", "with the controls in place; the inherent one when empty").alias("Residual impact", "Impact", "Net impact", "Impact (residual)"),
            CsvImport.Field.optional("Target level", "the level aimed for; the current one when empty").alias("Target", "Target risk", "Target rating"),
            CsvImport.Field.optional("Treatment", "Modify, Retain, Avoid or Share (mitigate, accept, terminate, transfer are understood)").alias("Treatment option", "Risk treatment", "Response", "Risk response", "Decision"),
            CsvImport.Field.exported("Inherent level", "the level follows from likelihood and impact under the criteria"),
            CsvImport.Field.exported("Current level", "the level follows from likelihood and impact under the criteria"),
            CsvImport.Field.exported("Status", "a risk comes in open; accept it in Ratchet"),
            CsvImport.Field.exported("Assessed on", "the import is the risk's first assessment in Ratchet"),
            CsvImport.Field.exported("Next assessment", "the criteria's cadence sets it"),
            CsvImport.Field.exported("Criteria version", "the criteria in force are used"));

    public record Row(String reference, String ownerName, NewRiskForm form) {
    }

    private final RiskManagement risks;
    private final RiskCriteriaManagement criteria;
    private final RiskRepository repository;
    private final CatalogueManagement catalogue;
    private final OrganisationManagement organisations;
    private final People people;

    RiskImport(RiskManagement risks, RiskCriteriaManagement criteria, RiskRepository repository, CatalogueManagement catalogue,
            OrganisationManagement organisations, People people) {
        this.risks = risks;
        this.criteria = criteria;
        this.repository = repository;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.people = people;
    }

    @Override
    public String register() {
        return REGISTER;
    }

    @Override
    public List<CsvImport.Field> fields() {
        return FIELDS;
    }

    @Override
    @Transactional(readOnly = true)
    public CsvImport.Result<Row> check(Tenant tenant, byte[] content) {
        RiskCriteriaManagement.requireManager(tenant);
        UUID org = tenant.organisationId();
        Optional<RiskCriteriaView> found = criteria.inForce(org);
        if (found.isEmpty()) {
            return new CsvImport.Result<>(List.of(), List.of(new CsvImport.Problem(1, "",
                    "No risk criteria are approved yet: approve them first, then import the risks against them")), 0);
        }
        RiskCriteriaView c = found.get();
        Map<String, People.Person> byEmail = new HashMap<>();
        people.assignableIn(org).forEach(p -> {
            byEmail.put(p.email().toLowerCase(Locale.ROOT), p);
            byEmail.putIfAbsent(p.displayName().toLowerCase(Locale.ROOT), p); // the name, as the export writes it
        });
        ImportReferences referenceColumn = new ImportReferences();
        CsvImport.Result<Row> result;
        try {
            result = CsvImport.read(new ByteArrayInputStream(content), FIELDS, 20_000, organisations.zone(org), row -> {
                String reference = row.text("Reference", 40);
                NewRiskForm form = new NewRiskForm();
                form.setTitle(row.text("Title", 200));
                form.setThreat(row.text("Threat", 4000));
                form.setVulnerability(row.text("Vulnerability", 4000));
                form.setConsequence(row.text("Consequence", 4000));
                form.setAssets(row.text("Assets", 1000));
                form.setCategory(row.text("Category", 60));
                form.setExistingControls(row.text("Existing controls", 4000));
                String owner = row.text("Owner", 254);
                People.Person ownerPerson = owner == null ? null : byEmail.get(owner.strip().toLowerCase(Locale.ROOT));
                if (owner != null) {
                    form.setOwnerId(ownerPerson == null ? null : ownerPerson.userId());
                    if (form.getOwnerId() == null) {
                        row.problem("Owner", "No member who may own a risk has the e-mail address or name " + owner);
                    }
                }
                form.getRequirements().addAll(catalogue.resolveCell(row.text("Requirements", 2000), message -> row.problem("Requirements", message)));
                String treatment = row.text("Treatment", 60);
                if (treatment != null) {
                    treatment(treatment).ifPresentOrElse(form::setTreatment,
                            () -> row.problem("Treatment", "Write Modify, Retain, Avoid or Share (or mitigate, accept, terminate, transfer)"));
                }
                AssessmentForm a = form.getAssessment();
                a.setReason(AssessmentReason.INITIAL);
                a.setNote("Imported from the organisation's earlier risk register");
                a.setInherentLikelihood(point(row, "Inherent likelihood", c.likelihoods()));
                a.setInherentImpact(point(row, "Inherent impact", c.impacts()));
                Integer currentLikelihood = point(row, "Current likelihood", c.likelihoods());
                Integer currentImpact = point(row, "Current impact", c.impacts());
                a.setCurrentLikelihood(currentLikelihood != null ? currentLikelihood : a.getInherentLikelihood());
                a.setCurrentImpact(currentImpact != null ? currentImpact : a.getInherentImpact());
                String target = row.text("Target level", 60);
                if (row.failed() || a.getCurrentLikelihood() == null || a.getCurrentImpact() == null) {
                    return null;
                }
                int inherent = c.levelOf(a.getInherentLikelihood(), a.getInherentImpact()).index();
                int current = c.levelOf(a.getCurrentLikelihood(), a.getCurrentImpact()).index();
                if (current > inherent) {
                    row.problem("Current likelihood", "With the controls in place the level (" + c.level(current).name()
                            + ") cannot be above the level without them (" + c.level(inherent).name() + ")");
                }
                if (target == null) {
                    a.setTargetLevel(c.level(current).name());
                }
                else {
                    Optional<RiskCriteriaView.Level> level = c.levels().stream().filter(l -> l.name().equalsIgnoreCase(target)).findFirst();
                    if (level.isEmpty()) {
                        row.problem("Target level", "Not a level of the criteria: write one of "
                                + String.join(", ", c.levels().stream().map(RiskCriteriaView.Level::name).toList()));
                    }
                    else if (level.get().index() > current) {
                        row.problem("Target level", "The target cannot be above the current level (" + c.level(current).name() + ")");
                    }
                    else {
                        a.setTargetLevel(level.get().name());
                    }
                }
                referenceColumn.note(row, reference);
                return row.failed() ? null : new Row(reference == null ? null : reference.strip(), ownerPerson.displayName(), form);
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return referenceColumn.checkRegister(result, keys -> repository.existingReferences(org, keys),
                key -> "There is a risk " + key + " in the register already");
    }

    @Override
    public int write(Tenant tenant, List<Row> rows) {
        for (Row row : rows) {
            risks.insert(tenant, row.form(), row.reference());
        }
        return rows.size();
    }

    /** A point of a scale by its number (1 = lowest) or its name; null (and a problem) when it is neither. */
    private static Integer point(CsvImport.Row row, String column, List<RiskCriteriaView.Point> scale) {
        String text = row.text(column, 60);
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.matches("\\d+(\\.0+)?")) {
            int n = Integer.parseInt(value.replaceAll("\\.0+$", ""));
            if (n >= 1 && n <= scale.size()) {
                return n;
            }
        }
        for (RiskCriteriaView.Point p : scale) {
            if (p.name().equalsIgnoreCase(value)) {
                return p.value();
            }
        }
        List<String> names = new ArrayList<>();
        scale.forEach(p -> names.add(p.value() + " " + p.name()));
        row.problem(column, "Write a number from 1 to " + scale.size() + " or a name of the scale: " + String.join(", ", names));
        return null;
    }

    static Optional<Treatment> treatment(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Treatment option : Treatment.values()) {
            if (option.name().equalsIgnoreCase(t) || option.label().equalsIgnoreCase(t)) {
                return Optional.of(option);
            }
        }
        return Optional.ofNullable(switch (t) {
            case "mitigate", "reduce", "treat", "control", "modify risk" -> Treatment.MODIFY;
            case "accept", "tolerate", "retain risk", "accepted" -> Treatment.RETAIN;
            case "terminate", "avoid risk", "eliminate" -> Treatment.AVOID;
            case "transfer", "insure", "share risk", "outsource" -> Treatment.SHARE;
            default -> null;
        });
    }
}
