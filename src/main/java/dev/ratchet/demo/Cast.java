package dev.ratchet.demo;

import java.util.List;
import java.util.UUID;

/**
 * The people of Kestrel Analytics. {@code you} are the ISMS manager who ran it all (the person who asked for the
 * demo); the others are colleagues with the roles their jobs give them.
 */
record Cast(Person you, Person ceo, Person cto, Person engineer, Person auditor, Person secondAuditor,
        Person customerSuccess, Person operations, Person devops, Person guest) {

    /** Who they are, what they do, and their roles in Ratchet. */
    record Part(String name, String jobTitle, List<String> roles) {
    }

    static final Part CEO = new Part("Daniel Okafor", "Chief Executive", List.of("MANAGEMENT"));
    static final Part CTO = new Part("Sarah Lindqvist", "Chief Technology Officer", List.of("MANAGEMENT", "CONTRIBUTOR"));
    static final Part ENGINEER = new Part("Tom Barrett", "Platform Engineering Lead", List.of("CONTRIBUTOR"));
    static final Part AUDITOR = new Part("Aisha Rahman", "Finance Controller and internal auditor", List.of("AUDITOR", "CONTRIBUTOR"));
    static final Part SECOND_AUDITOR = new Part("Nina Kovač", "Senior Product Manager and internal auditor", List.of("AUDITOR", "CONTRIBUTOR"));
    static final Part CUSTOMER_SUCCESS = new Part("Marco Bianchi", "Head of Customer Success", List.of("CONTRIBUTOR"));
    static final Part OPERATIONS = new Part("Hannah Cole", "People and Operations Manager", List.of("MANAGEMENT", "CONTRIBUTOR"));
    static final Part DEVOPS = new Part("Lukas Weber", "DevOps Engineer", List.of("CONTRIBUTOR"));
    static final Part GUEST = new Part("Grace Mensah", "Lead auditor, Sterling Assurance Ltd", List.of("GUEST_AUDITOR"));

    /** The colleagues, in the order they join (the ISMS manager is there already). */
    static final List<Part> COLLEAGUES = List.of(CEO, CTO, ENGINEER, AUDITOR, SECOND_AUDITOR, CUSTOMER_SUCCESS, OPERATIONS,
            DEVOPS, GUEST);

    static Cast of(Person you, List<Person> colleagues) {
        return new Cast(you, colleagues.get(0), colleagues.get(1), colleagues.get(2), colleagues.get(3), colleagues.get(4),
                colleagues.get(5), colleagues.get(6), colleagues.get(7), colleagues.get(8));
    }

    /** Everyone who works at the company (not the certification body's auditor). */
    List<Person> staff() {
        return List.of(you, ceo, cto, engineer, auditor, secondAuditor, customerSuccess, operations, devops);
    }

    Person byId(UUID userId) {
        return staff().stream().filter(p -> p.userId().equals(userId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not in the story: " + userId));
    }
}
