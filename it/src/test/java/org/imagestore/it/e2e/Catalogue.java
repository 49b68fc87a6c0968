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

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Settings.DB_PORT + "/imagestore", "imagestore",
                Settings.secret("imagestore.db.password-file"));
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

    /** Every upload record of a source, current or not, oldest first. */
    static List<Map<String, Object>> uploadRows(Source source) {
        return query("""
                select u.id, u.folder, u.name, u.image_id, u.bytes, u.received_at, u.received_by, u.announced, u.removed_at
                from upload u join source s on s.id = u.source_id where s.name = ? order by u.id""", source.name());
    }
}
