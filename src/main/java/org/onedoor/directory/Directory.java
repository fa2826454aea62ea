package org.onedoor.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the directory for other modules.
 */
@Service
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PartnerSummary> findPartner(long id) {
        return jdbc.sql("SELECT id, area_id, code, name, demo FROM partner WHERE id = :id")
                .param("id", id)
                .query(PartnerSummary.class)
                .optional();
    }

    public List<PartnerSummary> partners() {
        return jdbc.sql("SELECT id, area_id, code, name, demo FROM partner ORDER BY name")
                .query(PartnerSummary.class)
                .list();
    }
}
