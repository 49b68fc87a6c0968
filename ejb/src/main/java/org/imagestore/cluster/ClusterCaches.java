package org.imagestore.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.imagestore.schema.SchemaMigration;
import org.infinispan.Cache;
import org.infinispan.commons.configuration.io.ConfigurationResourceResolvers;
import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.infinispan.manager.DefaultCacheManager;

/**
 * The node's member of the Infinispan cluster (configuration: {@code imagestore-infinispan.xml} in the config
 * module). Started after the schema, since discovery uses a table of the catalogue.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterCaches {

    private static final Logger LOG = Logger.getLogger(ClusterCaches.class.getName());
    private static final String CONFIGURATION = "imagestore-infinispan.xml";

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    private DataSource catalogue;
    @Inject
    private ThisNode node;

    private DefaultCacheManager manager;
    private Cache<String, byte[]> renditions;
    private Cache<String, byte[]> clusterState;

    // NOT_SUPPORTED on the method itself: a singleton's @PostConstruct otherwise runs in the deployment's
    // transaction, and JGroups' discovery would enlist its JDBC connection in it (and deadlock the next node).
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        ClassLoader ours = ClusterCaches.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ours);
        forgetPreviousSelf();
        try (InputStream xml = ours.getResourceAsStream(CONFIGURATION)) {
            if (xml == null) {
                throw new IllegalStateException(CONFIGURATION + " is missing from the application");
            }
            ConfigurationBuilderHolder holder = new ParserRegistry(ours)
                    .parse(xml, ConfigurationResourceResolvers.DEFAULT, org.infinispan.commons.dataconversion.MediaType.APPLICATION_XML);
            holder.getGlobalConfigurationBuilder().classLoader(ours);
            manager = started(new DefaultCacheManager(holder, false), "renditions", "cluster-state");
            renditions = manager.getCache("renditions");
            clusterState = manager.getCache("cluster-state");
            LOG.info("joined cluster " + manager.getClusterName() + " as " + manager.getAddress() + "; members "
                    + manager.getMembers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Starts the manager (joining the cluster) and its caches, or stops it again when either fails. The container
     * never calls {@link #stop()} for a bean whose start failed, and a manager left running would keep the failed
     * deployment in the cluster's view: the other nodes would count it as up, send it copies and wait for it.
     */
    static DefaultCacheManager started(DefaultCacheManager manager, String... caches) {
        try {
            manager.start();
            manager.startCaches(caches);
            return manager;
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "this node could not join the cluster, and leaves it again", e);
            try {
                manager.stop();
            } catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
    }

    /**
     * A node that did not stop cleanly (killed, power cut) leaves its discovery row behind; starting again, it
     * would take that row for a live coordinator and send it JOINs (10 of 2 s) before going on alone. No other
     * node has this node's name, so a row under it is stale.
     */
    private void forgetPreviousSelf() {
        try (Connection connection = catalogue.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from jgroups where name = ?")) {
            delete.setString(1, node.name());
            int removed = delete.executeUpdate();
            if (removed > 0) {
                LOG.info(() -> "removed " + removed + " discovery entries that " + node.name()
                        + " left when it last stopped without leaving the cluster");
            }
        } catch (SQLException e) {
            // not fatal: discovery gets there, only slower
            LOG.log(Level.WARNING, "stale discovery entries of " + node.name() + " could not be removed", e);
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stop() {
        if (manager != null) {
            manager.stop();
            LOG.info("left the cluster");
        }
    }

    /** Rendered variants by {@code imageId/spec}, once per cluster, bounded in memory. */
    public Cache<String, byte[]> renditions() {
        return renditions;
    }

    /** The group map and the nodes' live figures, replicated to every node. */
    public Cache<String, byte[]> clusterState() {
        return clusterState;
    }

    /** The names of the nodes in the cluster's current view (a node killed leaves it within seconds). */
    public Set<String> members() {
        return manager.getMembers().stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this node is the view's coordinator: the one node that runs cluster-wide chores. */
    public boolean coordinator() {
        return manager.isCoordinator();
    }

    /** The name of the view's coordinator (the oldest member), which runs levelling and repair. */
    public String coordinatorName() {
        return String.valueOf(manager.getCoordinator());
    }

    public DefaultCacheManager manager() {
        return manager;
    }
}
