package org.bantin.database;

import java.sql.SQLException;

/** Recognises the database's refusals that map to a conflict, by SQLSTATE. */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(Throwable e) {
        return hasSqlState(e, UNIQUE_VIOLATION);
    }

    public static boolean isForeignKeyViolation(Throwable e) {
        return hasSqlState(e, FOREIGN_KEY_VIOLATION);
    }

    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
