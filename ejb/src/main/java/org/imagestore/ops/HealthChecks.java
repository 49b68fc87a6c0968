package org.imagestore.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.cluster.ThisNode;
import org.imagestore.publishing.OutboxRelay;
import org.imagestore.schema.SchemaMigration;
import org.imagestore.volume.LocalVolumes;
import org.imagestore.volume.Volume;

/** Checks what this node needs to take uploads and serve images. */
@ApplicationScoped
public class HealthChecks {

    private static final double VOLUME_WARN_FRACTION = 0.9;
    private static final double BACKLOG_WARN_SECONDS = 300;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;
    @Inject
    private LocalVolumes volumes;
    @Inject
    private OutboxRelay outbox;
    @Inject
    private ThisNode node;
    @Inject
    @ConfigProperty(name = "imagestore.ftp.port", defaultValue = "2121")
    int ftpPort;

    public Health check() {
        List<Health.Check> checks = new ArrayList<>();
        checks.add(database());
        volumes.all().forEach(v -> checks.add(volume(v)));
        checks.add(ftp());
        if (checks.getFirst().status().equals("UP")) {
            checks.add(outbox());
        }
        boolean down = checks.stream().anyMatch(c -> c.status().equals("DOWN"));
        return new Health(down ? "DOWN" : "UP", node.name(), checks);
    }

    private Health.Check database() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? Health.Check.up("database", "catalogue reachable")
                    : Health.Check.down("database", "connection not valid");
        } catch (SQLException e) {
            return Health.Check.down("database", e.getMessage());
        }
    }

    private static Health.Check volume(Volume v) {
        String name = "volume " + v.id();
        if (!Files.isDirectory(v.root()) || !Files.isWritable(v.root())) {
            return Health.Check.down(name, v.root() + " is not a writable folder");
        }
        double used = v.usedFraction();
        String detail = v.root() + ": " + Math.round(used * 1000) / 10.0 + "% of " + (v.capacityBytes() >> 20) + " MiB used";
        return used >= VOLUME_WARN_FRACTION ? Health.Check.warn(name, detail) : Health.Check.up(name, detail);
    }

    private Health.Check ftp() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", ftpPort), 1000);
            return Health.Check.up("ftp", "listening on port " + ftpPort);
        } catch (IOException e) {
            return Health.Check.down("ftp", "nothing listens on port " + ftpPort + " (" + e.getMessage() + ")");
        }
    }

    private Health.Check outbox() {
        OutboxRelay.Backlog backlog = outbox.backlog();
        String detail = backlog.messages() + " metadata messages waiting, oldest " + Math.round(backlog.oldestSeconds()) + " s";
        return backlog.oldestSeconds() > BACKLOG_WARN_SECONDS ? Health.Check.warn("jms", detail)
                : Health.Check.up("jms", detail);
    }
}
