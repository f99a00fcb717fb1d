package dev.ratchet.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server on a TCP port, small enough to misbehave on purpose: it can accept mail, accept it and then
 * drop the connection, drop the connection after DATA without answering, or hang without a word. What it accepted
 * is kept (each message's raw text).
 */
final class FaultySmtpServer implements AutoCloseable {

    enum Mode {
        /** Accepts every message. */
        ACCEPT,
        /** Answers 250 to the message, then drops the connection before QUIT (the message was delivered). */
        ACCEPT_THEN_DROP,
        /** Reads the message, then drops the connection without answering (the message was not delivered). */
        DROP_AFTER_DATA,
        /** Accepts the connection and never says anything. */
        HANG
    }

    private final ServerSocket server;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile CountDownLatch hanging = new CountDownLatch(1);

    FaultySmtpServer(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::acceptAll, "faulty-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void mode(Mode mode) {
        this.mode = mode;
        if (mode == Mode.HANG) {
            hanging = new CountDownLatch(1);
        }
    }

    /** Waits until a client is connected and being ignored. */
    boolean awaitHanging(long seconds) throws InterruptedException {
        return hanging.await(seconds, TimeUnit.SECONDS);
    }

    List<String> accepted() {
        return accepted;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread session = new Thread(() -> talk(socket), "faulty-smtp-session");
                session.setDaemon(true);
                session.start();
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void talk(Socket socket) {
        try (socket) {
            Mode now = mode;
            if (now == Mode.HANG) {
                hanging.countDown();
                // Say nothing until the client gives up (its read time limit) or the test ends.
                while (socket.getInputStream().read() >= 0) {
                    // swallow
                }
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            say(out, "220 faulty.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> say(out, "250 faulty.test");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> say(out, "250 OK");
                    case "DATA" -> {
                        say(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder message = new StringBuilder();
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            message.append(data).append('\n');
                        }
                        if (now == Mode.DROP_AFTER_DATA) {
                            return;
                        }
                        accepted.add(message.toString());
                        say(out, "250 OK queued");
                        if (now == Mode.ACCEPT_THEN_DROP) {
                            return;
                        }
                    }
                    case "QUIT" -> {
                        say(out, "221 Bye");
                        return;
                    }
                    default -> say(out, "502 Not implemented");
                }
            }
        }
        catch (IOException dropped) {
            // the client went away
        }
        finally {
            open.remove(socket);
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
