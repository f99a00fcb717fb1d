/**
 * Feedback: any member reports a concern or an idea (anonymously towards other users if they wish), the ISMS
 * manager enters feedback from interested parties (customers, regulators), and triages each into an improvement
 * record or closes it with a reply.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback")
package dev.ratchet.feedback;
