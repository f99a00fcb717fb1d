package dev.ratchet.document;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ratchet.Documents;
import dev.ratchet.IntegrationTest;
import dev.ratchet.TestOrganisation;
import dev.ratchet.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rendering a document never reaches the network (server-side request forgery): a real listener on a local port,
 * named by a policy's Markdown and by every kind of resource a template can ask for, receives no connection.
 */
class NoNetworkWhileRenderingIT extends IntegrationTest {

    @Autowired
    PdfDocuments pdf;

    ServerSocket listener;
    final AtomicInteger connections = new AtomicInteger();
    Thread acceptor;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    connections.incrementAndGet();
                    socket.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Type: image/png\r\nContent-Length: 0\r\n\r\n".getBytes());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "ssrf-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
        acceptor.join(2000);
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    @Test
    void aTemplateNamingRemoteImagesStylesheetsFontsAndFilesRendersWithoutFetchingAny() throws Exception {
        byte[] document = pdf.render("test/fetch-pdf", Map.of("url", url()));
        assertThat(Documents.pdfText(document)).contains("Text that names addresses");
        Thread.sleep(200);
        assertThat(connections.get()).isZero();
    }

    @Test
    void aPolicysMarkdownImageIsNeverFetchedAndADataLinkIsDropped() throws Exception {
        TestOrganisation org = newOrganisation("No network");
        JsonNode policy = api(org, Role.ISMS_MANAGER, "POST", "/policies", """
                {"title":"Acceptable Use Policy","reviewMonths":12,"content":"# Acceptable use\\n\\n![Our logo](%s/p.png)\\n\\n[Click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and [the intranet](https://intranet.example/aup)."}"""
                .formatted(url()), 201);
        String html = policy.get("draft").get("html").asString();
        assertThat(html).doesNotContain("<img").doesNotContain("data:").contains("[Image: Our logo]").contains("https://intranet.example/aup");
        String base = "/api/v1/organisations/{org}/policies/" + policy.get("id").asString() + "/versions/" + policy.get("draft").get("id").asString();
        byte[] document = mvc.perform(get(base + "/document.pdf", org.id()).header("Authorization", org.bearer(Role.ISMS_MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(Documents.pdfText(document)).contains("[Image: Our logo]");
        Thread.sleep(200);
        assertThat(connections.get()).isZero();
    }
}
