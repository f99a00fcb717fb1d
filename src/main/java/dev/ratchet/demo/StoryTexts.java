package dev.ratchet.demo;

/** The longer texts of the story: the policies Kestrel wrote and what the minutes say of each input. */
final class StoryTexts {

    static final String SECURITY_POLICY = """
            # Information Security Policy

            ## 1. Purpose
            Kestrel Analytics looks after its customers' data as if it were its own. This policy sets the direction for
            information security and commits us to meeting the requirements that apply to us and to improving
            continually.

            ## 2. Scope
            Everyone who works for Kestrel (staff, contractors, temporary workers) and every system, supplier and office
            that supports the Kestrel platform.

            ## 3. Objectives
            Information security objectives are set each year by the management team, measured monthly and reviewed at
            every management review. They are listed in Ratchet under Objectives.

            ## 4. Principles
            - Access is granted on need, approved by the line manager, reviewed every quarter and removed on leaving.
            - Customer data stays in the UK, encrypted at rest and in transit.
            - Changes to production are reviewed, tested and reversible.
            - Incidents are reported at once, to security@ or the on-call engineer, and learnt from.

            ## 5. Responsibilities
            The Chief Executive owns this policy. The ISMS manager runs the ISMS and reports on it. Every person is
            responsible for following it and for reporting what does not work.

            ## 6. Compliance
            Breaches of this policy are handled under the disciplinary procedure. Exceptions are requested in Ratchet,
            approved by management and time-limited.
            """;

    static final String SECURITY_POLICY_SUPPLIERS = """

            ## 7. Suppliers
            No service that handles personal or customer data is bought without a security assessment proportionate to
            the risk. Critical suppliers are reassessed every year and their certificates kept on file.
            """;

    static final String ACCEPTABLE_USE = """
            # Acceptable Use Policy

            ## 1. Devices
            Use the laptop Kestrel gives you, with disk encryption, automatic updates and the screen lock on. Report a
            lost or stolen device at once.

            ## 2. Accounts
            Sign in with your Okta account and multi-factor authentication. Never share a password; shared accounts live
            in 1Password.

            ## 3. Tools
            Use the approved tools on the SaaS list. Ask IT before signing up for a new service with work data.

            ## 4. E-mail and the web
            Be careful with links and attachments; report suspicious e-mail with the report button.

            ## 5. Customer data
            Customer data stays in the platform. Exports are shared only through the platform's expiring links, never by
            e-mail attachment or personal file-sharing services.
            """;

    static final String ACCEPTABLE_USE_AI = """

            ## 6. AI assistants
            Only the approved AI coding assistant may be used with Kestrel source code, and only on the repositories
            enabled for it. Never paste customer data, secrets or credentials into an AI tool. Generated code is
            reviewed like any other code.
            """;

    static final String ACCESS_CONTROL = """
            # Access Control Policy

            ## 1. Principles
            Least privilege and need to know. Production access is for the platform team only, through Okta and AWS
            Identity Center.

            ## 2. Joiners, movers and leavers
            Access is requested by the line manager in HiBob. Leavers lose all access within one working day.

            ## 3. Reviews
            Every quarter the DevOps engineer reviews production and SaaS access with line managers.

            ## 4. Multi-factor authentication
            Required for every system that supports it.
            """;

    private StoryTexts() {
    }

    /** What the minutes say of an input of clause 9.3.2 (a to g), or of an item the organisation added. */
    static String minute(String code) {
        if (code == null) {
            return "Discussed.";
        }
        return switch (code) {
            case "a" -> "Actions from the last review went through one by one; the late ones got new dates with reasons.";
            case "b" -> "Changes in external and internal issues noted; no change to the ISMS scope.";
            case "c" -> "Needs of customers and the contract changes noted; obligations register up to date.";
            case "d" -> "Nonconformity trends, audit results, objectives and policy compliance reviewed with the figures in the pack.";
            case "e" -> "Feedback from customers and staff read; the trust centre idea supported.";
            case "f" -> "Risk assessment results and the treatment plan accepted.";
            case "g" -> "Opportunities for improvement prioritised.";
            default -> "Discussed.";
        };
    }
}
