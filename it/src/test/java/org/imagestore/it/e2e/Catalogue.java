package org.imagestore.it.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The store's catalogue (PostgreSQL, shared by all nodes), read directly to see what the store kept. */
final class Catalogue {

    private Catalogue() {
    }

    /** The catalogue's primary, or its standby once CatalogueFailoverIT has promoted it. */
    static final String URL = "jdbc:postgresql://127.0.0.1:" + Settings.DB_PORT + "/imagestore";
    private static final String PROMOTED_URL = "jdbc:postgresql://127.0.0.1:" + Settings.DB_STANDBY_PORT + "/imagestore";

    private static Connection connect() throws SQLException {
        String password = Settings.secret("imagestore.db.password-file");
        try {
            return DriverManager.getConnection(URL, "imagestore", password);
        } catch (SQLException primaryGone) {
            return DriverManager.getConnection(PROMOTED_URL, "imagestore", password);
        }
    }

    /** Rows as column-name maps. */
    static List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.put(meta.getColumnLabel(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single number a {@code select count(*) ...} (or any one-value query) gives. */
    static long count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).getFirst().values().iterator().next()).longValue();
    }

    /**
     * Groups whose kept totals ({@code group_usage}, what levelling reads) differ from the image table's, counted in
     * one statement, so in one snapshot, whatever other tests upload meanwhile.
     */
    static long groupsMiscounted() {
        return count("""
                select count(*) from (select left(id, 3) as grp, count(*) as images, sum(bytes) as bytes
                                      from image group by 1) i
                full join group_usage g using (grp)
                where coalesce(i.images, 0) <> coalesce(g.images, 0) or coalesce(i.bytes, 0) <> coalesce(g.bytes, 0)""");
    }

    /** Every upload record of a source, current or not, oldest first. */
    static List<Map<String, Object>> uploadRows(Source source) {
        return query("""
                select u.id, u.folder, u.name, u.image_id, u.bytes, u.received_at, u.received_by, u.announced, u.removed_at
                from upload u join source s on s.id = u.source_id where s.name = ? order by u.id""", source.name());
    }
}
