package org.bantin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on the loopback address whose open connections can be made to fall silent, as
 * behind a network path that died: nothing more gets through and nobody closes anything.
 */
public final class SilentProxy implements AutoCloseable {

    /** One proxied connection: bytes pumped both ways until it is silenced. */
    private static final class Link {

        private final Socket client;
        private final Socket server;
        private volatile boolean silenced;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() throws IOException {
            pump(client.getInputStream(), server.getOutputStream());
            pump(server.getInputStream(), client.getOutputStream());
        }

        private void pump(InputStream in, OutputStream out) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        if (!silenced) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "silent-proxy-pump");
            pump.setDaemon(true);
            pump.start();
        }

        void close() throws IOException {
            client.close();
            server.close();
        }
    }

    private final ServerSocket listening;
    private final List<Link> links = new CopyOnWriteArrayList<>();

    public SilentProxy(String host, int port) throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Link link = new Link(client, new Socket(host, port));
                    links.add(link);
                    link.start();
                } catch (IOException e) {
                    // closed, or the server refused: the client sees its connection fail
                }
            }
        }, "silent-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listening.getLocalPort();
    }

    /** The connections open now forward nothing more, either way, and stay open. */
    public void silenceOpenConnections() {
        links.forEach(link -> link.silenced = true);
    }

    @Override
    public void close() throws IOException {
        listening.close();
        for (Link link : links) {
            link.close();
        }
    }
}
