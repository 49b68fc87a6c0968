package org.imagestore.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.cluster.NodeRecord;
import org.imagestore.cluster.NodeRegistry;
import org.imagestore.cluster.ThisNode;
import org.imagestore.ops.NodeReadings.VolumeReading;
import org.imagestore.publishing.OutboxRelay.Backlog;
import org.imagestore.schema.SchemaMigration;

/**
 * Checks what this node needs to take uploads and serve images. The node is DOWN when it cannot: no catalogue,
 * a volume it cannot write, no FTP listener. A JMS backlog is a WARN, not DOWN: uploads go on and their messages
 * wait in the outbox until the broker takes them.
 */
@ApplicationScoped
public class HealthChecks {

    static final double VOLUME_WARN_FRACTION = 0.9;
    static final double BACKLOG_WARN_SECONDS = 300;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource dataSource;
    @Inject
    private NodeReadings readings;
    @Inject
    private ThisNode node;
    @Inject
    private NodeRegistry registry;
    @Inject
    @ConfigProperty(name = "imagestore.ftp.port", defaultValue = "2121")
    int ftpPort;
    @Inject
    @ConfigProperty(name = "imagestore.ftp.bind-address", defaultValue = "0.0.0.0")
    String ftpAddress;

    /**
     * Whether an administrator is draining this node (levelling moves its groups off): it still serves what it holds,
     * but a load balancer should send it no new work. Unknown while the catalogue is unreachable: then not draining.
     */
    public boolean draining() {
        try {
            return registry.all().stream()
                    .anyMatch(n -> n.name().equals(node.name()) && n.state().equals(NodeRecord.DRAINING));
        } catch (RuntimeException catalogueDown) {
            return false;
        }
    }

    public Health check() {
        List<Health.Check> checks = new ArrayList<>();
        checks.add(database());
        NodeReadings.Readings now = readings.take();
        now.volumes().forEach(v -> checks.add(volume(v)));
        checks.add(ftp());
        now.outbox().ifPresent(backlog -> checks.add(outbox(backlog)));
        return Health.of(node.name(), checks);
    }

    private Health.Check database() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? Health.Check.up("database", "catalogue reachable")
                    : Health.Check.degraded("database", "connection not valid; serving local originals and cached renditions only");
        } catch (SQLException e) {
            return Health.Check.degraded("database", e.getMessage() + "; serving local originals and cached renditions only");
        }
    }

    static Health.Check volume(VolumeReading v) {
        String name = "volume " + v.id();
        if (!v.writable()) {
            return Health.Check.down(name, v.root() + " is not a writable folder");
        }
        String detail = v.root() + ": " + Math.round(v.usedFraction() * 1000) / 10.0 + "% of "
                + (v.capacityBytes() >> 20) + " MiB used";
        return v.usedFraction() >= VOLUME_WARN_FRACTION ? Health.Check.warn(name, detail) : Health.Check.up(name, detail);
    }

    private Health.Check ftp() {
        String host = ftpAddress.equals("0.0.0.0") ? "127.0.0.1" : ftpAddress;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, ftpPort), 1000);
            return Health.Check.up("ftp", "listening on " + host + ":" + ftpPort);
        } catch (IOException e) {
            return Health.Check.down("ftp", "nothing listens on " + host + ":" + ftpPort + " (" + e.getMessage() + ")");
        }
    }

    static Health.Check outbox(Backlog backlog) {
        String detail = backlog.messages() + " metadata messages waiting, oldest " + Math.round(backlog.oldestSeconds()) + " s";
        return backlog.oldestSeconds() > BACKLOG_WARN_SECONDS ? Health.Check.warn("jms", detail)
                : Health.Check.up("jms", detail);
    }
}
