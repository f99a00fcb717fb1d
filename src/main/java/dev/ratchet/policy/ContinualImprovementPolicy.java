package dev.ratchet.policy;

import java.util.List;

import dev.ratchet.organisation.Sector;

/**
 * The text of the Continual Improvement Policy, written in plain language, with its facts taken from the
 * organisation's configuration in Ratchet: the review cadence, the Management Review Team, the waiting period before
 * an effectiveness review, the audit programme's basis and the sources of improvement. The structure follows the
 * usual ISO/IEC 27001 template; the version table and contents page are added when it is shown or exported.
 */
public final class ContinualImprovementPolicy {

    public static final String TITLE = "Continual Improvement Policy";

    /** What the policy states as fact, read from the configuration. */
    public record Facts(String organisation, String scopeStatement, Sector sector, int reviewCadenceMonths, String chair,
            List<String> deputies, List<String> members, int quorum, String oversight, int effectivenessWaitDays,
            int trendThreshold, int trendWindowMonths, String programmeBasis, List<String> sources, List<FrameworkFacts> frameworks) {
    }

    /** A framework in scope besides ISO/IEC 27001, and its requirements this policy addresses (through the mappings). */
    public record FrameworkFacts(String id, String name, List<String> addressed) {
    }

    /** The ISO/IEC 27001 clauses and controls the policy addresses (its last section), by code. */
    public static final List<String> ADDRESSED = List.of("6.2", "6.3", "9.1", "9.2", "9.3", "10.1", "10.2", "A.5.24", "A.5.25",
            "A.5.26", "A.5.27", "A.5.28", "A.5.31", "A.5.35", "A.5.36");

    private ContinualImprovementPolicy() {
    }

    public static String generate(Facts f) {
        StringBuilder md = new StringBuilder();
        String org = f.organisation();
        md.append("# ").append(TITLE).append("\n\n");
        md.append("## Purpose\n\n").append("This policy sets out how ").append(org).append(" continually improves the suitability, adequacy and "
                + "effectiveness of its information security policy and its information security management system (ISMS): how problems are "
                + "found, corrected and prevented from happening again, and how opportunities to do better are taken.\n\n");
        md.append("## Scope\n\n").append("The policy applies to all employees and third-party users of ").append(org)
                .append(" and to the information security management system itself.");
        if (f.scopeStatement() != null && !f.scopeStatement().isBlank()) {
            md.append(" The ISMS covers: ").append(f.scopeStatement().strip());
        }
        md.append("\n\n");
        md.append("## Principle\n\n").append("The information security management system is continually improved through addressing incidents "
                + "and nonconformities with effective corrective action, and through a managed process for opportunities for improvement. "
                + "Every improvement is recorded in one register, owned by a named person, given a deadline and checked for effectiveness.\n\n");
        md.append("## Audit\n\n");
        md.append("### Internal audits\n\n").append("- Internal audits assess the effectiveness of the ISMS and of the controls in the Statement of Applicability.\n")
                .append("- They are planned in a yearly audit programme based on risk and business need. The programme's basis: ")
                .append(oneLine(f.programmeBasis())).append("\n")
                .append("- They are carried out by people independent of the area they audit.\n")
                .append("- Their results are reported to the Management Review Team.\n")
                .append("- They may result in a nonconformity requiring corrective action, or identify an opportunity for improvement.\n\n");
        md.append("### External certification audits\n\n").append("- Certification audits are carried out by an accredited certification body, "
                + "in the stages and at the intervals it sets (stage 1, stage 2, surveillance and recertification), and are planned in the audit programme.\n")
                .append("- Their results are reported to and overseen by the Management Review Team.\n")
                .append("- They may result in a nonconformity requiring corrective action, or identify an opportunity for improvement.\n\n");
        md.append("### Client and third-party audits\n\n").append("- Client and third-party audits are carried out by agreement, and only once a contract "
                + "or non-disclosure agreement is in place.\n")
                .append("- Their results are reported to and overseen by the Management Review Team.\n")
                .append("- They may result in a nonconformity requiring corrective action, or identify an opportunity for improvement.\n\n");
        md.append("## Incidents\n\n").append("Information security incidents are managed through the incident process. Each incident's lessons "
                + "are recorded, and an incident may result in a nonconformity requiring corrective action or identify an opportunity for improvement. "
                + "An incident that concerns a risk in the risk assessment leads to that risk's re-assessment by its owner.\n\n");
        md.append("## Change management\n\n").append("Changes to the ISMS are planned, approved and recorded in the ISMS change log, and reviewed "
                + "once made. Change management considers, and may identify, opportunities for improvement; a change that concerns a risk leads "
                + "to its re-assessment.\n\n");
        md.append("## Management Review Team\n\n").append(oneLine(f.oversight())).append("\n\n");
        if (f.chair() == null) {
            md.append("The team's chair and members are not named yet.\n\n");
        } else {
            md.append("- Chair: ").append(f.chair()).append("\n");
            if (!f.deputies().isEmpty()) {
                md.append("- Deputies: ").append(String.join(", ", f.deputies())).append("\n");
            }
            if (!f.members().isEmpty()) {
                md.append("- Members: ").append(String.join(", ", f.members())).append("\n");
            }
            md.append("- Quorum: ").append(f.quorum()).append(" member").append(f.quorum() == 1 ? "" : "s").append(" present\n\n");
        }
        md.append("The team reviews the ISMS ").append(cadence(f.reviewCadenceMonths())).append(". Its agenda covers the inputs of clause 9.3.2, "
                + "including the status of actions from previous reviews and opportunities for improvement. Its decisions and actions are "
                + "recorded with their rationale, owners, deadlines and success criteria, and followed up at the next review.\n\n");
        md.append("## Review of objectives\n\n").append("Information security objectives are measured at their set frequency and reviewed. "
                + "The review of objectives considers, and may identify, opportunities for improvement; an objective off target for "
                + "consecutive periods is reviewed for corrective action.\n\n");
        md.append("## Legal, regulatory and information security standards change\n\n").append("Legal, regulatory and contractual obligations "
                + "and the information security standards that apply are kept in a register and reviewed on a schedule. A change to them is "
                + "assessed for its impact, may identify an opportunity for improvement, and leads to the re-assessment of the risks it concerns.\n\n");
        md.append("## Improvement as a result of nonconformity\n\n").append("A nonconformity is a deviation from policy or process. "
                + "Nonconformities are identified by audits, incidents, compliance checks, the risk assessment and the other sources below; a "
                + "nonconformity that concerns a risk leads to its re-assessment, and the results of risk assessment and the status of the risk "
                + "treatment plan are an input to every management review. When one occurs:\n\n")
                .append("1. action is taken to correct it and deal with its consequences;\n")
                .append("2. the need to eliminate its causes is evaluated, so that it does not recur or occur elsewhere: by reviewing it, "
                        + "determining its root cause and determining whether similar nonconformities exist or could occur;\n")
                .append("3. corrective actions are planned with an owner, a deadline and measurable success criteria;\n")
                .append("4. the effectiveness of the corrective action is reviewed ").append(f.effectivenessWaitDays())
                .append(" days after the actions are complete; an ineffective action is reopened with a new plan.\n\n")
                .append("Nonconformities are recorded, tracked and reported to the Management Review Team. A nonconformity that recurs ")
                .append(f.trendThreshold()).append(" times within ").append(f.trendWindowMonths())
                .append(" months in the same area or requirement is treated as a trend and investigated as such.\n\n")
                .append("Improvement records come from these sources: ").append(String.join(", ", f.sources())).append(".\n\n");
        md.append("## Management of improvement\n\n").append("Opportunities for improvement are evaluated (accepted, rejected with a reason, "
                + "or deferred), then planned and implemented through the same tracked actions. Changes to the ISMS that result are planned "
                + "and managed, and recorded in the improvement register or the ISMS change log, as appropriate.\n\n");
        md.append("## Policy compliance\n\n");
        md.append("### Compliance measurement\n\n").append("Compliance with this policy is measured through the audit programme, recurring "
                + "compliance checks, the status of improvement records and actions, and the reports reviewed by the Management Review Team.\n\n");
        md.append("### Exceptions\n\n").append("Any exception to this policy is requested in writing with its scope, justification, risk, "
                + "compensating controls and a plan to end it; it is approved in advance by top management, reviewed, and ends on its expiry date. "
                + "Expired exceptions are reported to the Management Review Team.\n\n");
        md.append("### Non-compliance\n\n").append("An employee found to have breached this policy may be subject to disciplinary action. "
                + "A deviation from the policy found outside an audit is recorded as a nonconformity and handled as above.\n\n");
        md.append("## Continual improvement\n\n").append("This policy is reviewed at least every year and when the ISMS changes significantly, "
                + "and it is updated as part of the continual improvement process. ").append(org)
                .append(" looks for ways to improve through audits, incident lessons, objectives, feedback and the management review.\n\n");
        String emphasis = emphasis(f.sector());
        boolean aims = f.frameworks().stream().anyMatch(x -> x.id().equals("iso42001-2023"));
        if (emphasis != null) {
            md.append("### Emphasis for ").append(f.sector().label().toLowerCase(java.util.Locale.ROOT)).append("\n\n").append(emphasis);
            if (f.sector() == Sector.AI_COMPANY && aims) {
                md.append(" The same loop serves our AI management system under ISO/IEC 42001:2023: nonconformities and corrective "
                        + "action (its clause 10.2), continual improvement (10.1), internal audit (9.2) and management review (9.3) of the AI "
                        + "management system are handled as this policy sets out, and an AI system impact assessment (6.1.4) that finds a "
                        + "harm is raised as a nonconformity or an opportunity for improvement.");
            }
            md.append("\n\n");
        }
        md.append("## Standards and regulations that need this policy\n\n").append(org)
                .append(" answers to the following; this policy is how each one's requirement to correct and continually improve is met.\n\n")
                .append("- ISO/IEC 27001:2022, the standard of the ISMS (its areas are listed below)\n");
        for (FrameworkFacts framework : f.frameworks()) {
            md.append("- ").append(framework.name());
            if (framework.addressed().isEmpty()) {
                md.append(": no requirement of it is mapped to the areas below yet\n");
            } else {
                md.append(", in particular: ").append(String.join("; ", framework.addressed())).append("\n");
            }
        }
        md.append("\n");
        md.append("## Areas of the ISO/IEC 27001 standard addressed\n\n")
                .append("- Clause 6.2 Information security objectives and planning to achieve them\n")
                .append("- Clause 6.3 Planning of changes\n")
                .append("- Clause 9.1 Monitoring, measurement, analysis and evaluation\n")
                .append("- Clause 9.2 Internal audit\n")
                .append("- Clause 9.3 Management review\n")
                .append("- Clause 10.1 Continual improvement\n")
                .append("- Clause 10.2 Nonconformity and corrective action\n")
                .append("- Annex A 5.24 to 5.28 Information security incident management, including learning from incidents\n")
                .append("- Annex A 5.31 Legal, statutory, regulatory and contractual requirements\n")
                .append("- Annex A 5.35 and 5.36 Independent review and compliance with policies, rules and standards\n");
        return md.toString();
    }

    private static String emphasis(Sector sector) {
        return switch (sector) {
            case SMALL_BUSINESS -> "We keep improvement simple and focused: each year we choose one or two areas to improve, "
                    + "such as testing backups or training staff to spot phishing, and see them through.";
            case TECH_STARTUP -> "As we grow quickly our security needs change. We review this policy and the ISMS when we add products, "
                    + "cloud services or teams, and we feed lessons from bugs and incidents back into secure development and our use of cloud services.";
            case AI_COMPANY -> "We give particular attention to the data used to train our AI models and to the misuse of our AI systems: "
                    + "training-data protection, provenance and access are audited, and feedback such as a report of biased or unsafe model "
                    + "behaviour is handled as an opportunity for improvement or a nonconformity, leading to a review of the model's data "
                    + "and of how it is collected.";
            case OTHER -> null;
        };
    }

    static String cadence(int months) {
        return switch (months) {
            case 1 -> "every month";
            case 3 -> "every quarter (every 3 months)";
            case 6 -> "every six months";
            case 12 -> "every year";
            default -> "every " + months + " months";
        };
    }

    private static String oneLine(String text) {
        return text == null || text.isBlank() ? "(not written yet)" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
