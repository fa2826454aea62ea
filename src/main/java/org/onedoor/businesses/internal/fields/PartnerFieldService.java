package org.onedoor.businesses.internal.fields;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.onedoor.businesses.PartnerFields;
import org.onedoor.directory.Directory;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defines partner fields and stores their values, with a history row for every change. */
@Service
class PartnerFieldService implements PartnerFields {

    private static final Logger log = LoggerFactory.getLogger(PartnerFieldService.class);

    private static final List<String> TYPES = List.of("TEXT", "NUMBER", "DATE", "YES_NO", "CHOICE");
    private static final List<String> VISIBILITIES = List.of("SHARED", "PARTNER_ONLY", "CONFIDENTIAL");
    private static final int MAX_NAME_LENGTH = 100;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PartnerFieldAccess access;

    PartnerFieldService(JdbcClient jdbc, Directory directory, PartnerFieldAccess access) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.access = access;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Definition> definitions(Long partnerId) {
        return jdbc.sql(DEFINITION_SQL + " WHERE (CAST(:partnerId AS bigint) IS NULL OR f.partner_id = :partnerId)"
                        + " ORDER BY p.name, fold_text(f.name)")
                .param("partnerId", partnerId)
                .query(PartnerFieldService::definition)
                .list();
    }

    @Override
    @Transactional
    public Definition define(NewField field, CurrentUser user) {
        List<FieldProblem> problems = check(field);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!user.canAdministerPartner(field.partnerId())) {
            throw new AccessDeniedException("User " + user.id() + " may not define fields for partner "
                    + field.partnerId());
        }
        String name = field.name().strip();
        boolean nameInUse = jdbc.sql("SELECT EXISTS (SELECT 1 FROM partner_field WHERE partner_id = :partnerId"
                        + " AND fold_text(name) = fold_text(:name))")
                .param("partnerId", field.partnerId())
                .param("name", name)
                .query(Boolean.class)
                .single();
        if (nameInUse) {
            throw new InvalidInputException("name", "This partner already has a field named '" + name
                    + "'. Choose another name.");
        }

        long id = jdbc.sql("""
                        INSERT INTO partner_field (partner_id, name, field_type, required, min_value, max_value, pattern,
                                                   choices, visibility, created_by)
                        VALUES (:partnerId, :name, :type, :required, :minValue, :maxValue, :pattern,
                                CAST(:choices AS text[]), :visibility, :userId)
                        RETURNING id
                        """)
                .param("partnerId", field.partnerId())
                .param("name", name)
                .param("type", field.type())
                .param("required", field.required())
                .param("minValue", field.minValue())
                .param("maxValue", field.maxValue())
                .param("pattern", blankToNull(field.pattern()))
                .param("choices", field.choices().stream().map(String::strip).filter(c -> !c.isEmpty())
                        .toArray(String[]::new))
                .param("visibility", field.visibility())
                .param("userId", user.id())
                .query(Long.class)
                .single();
        log.info("Partner field {} defined for partner {} by user {}", id, field.partnerId(), user.id());

        return find(id).orElseThrow();
    }

    private List<FieldProblem> check(NewField field) {
        List<FieldProblem> problems = new ArrayList<>();
        if (field.partnerId() == null || directory.findPartner(field.partnerId()).isEmpty()) {
            problems.add(new FieldProblem("partnerId", "Partner " + field.partnerId()
                    + " was not found. Choose the partner the field belongs to."));
        }
        if (field.name() == null || field.name().isBlank()) {
            problems.add(new FieldProblem("name", "Name is missing. Enter the field's name as staff will read it."));
        } else if (field.name().strip().length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem("name", "Name has " + field.name().strip().length()
                    + " characters. Use at most " + MAX_NAME_LENGTH + "."));
        }

        if (field.type() == null || !TYPES.contains(field.type())) {
            problems.add(new FieldProblem("type", "Type '" + field.type() + "' is invalid. Use one of "
                    + String.join(", ", TYPES) + "."));
        }
        if (field.visibility() == null || !VISIBILITIES.contains(field.visibility())) {
            problems.add(new FieldProblem("visibility", "Visibility '" + field.visibility()
                    + "' is invalid. Use one of " + String.join(", ", VISIBILITIES) + "."));
        }
        if (field.minValue() != null && field.maxValue() != null && field.minValue().compareTo(field.maxValue()) > 0) {
            problems.add(new FieldProblem("minValue", "Minimum " + field.minValue().toPlainString()
                    + " is greater than maximum " + field.maxValue().toPlainString() + ". Swap them or change one."));
        }

        boolean knownType = TYPES.contains(field.type());
        if ((field.minValue() != null || field.maxValue() != null) && knownType && !"NUMBER".equals(field.type())) {
            problems.add(new FieldProblem("minValue",
                    "Minimum and maximum apply only to numbers. Clear them or choose the type NUMBER."));
        }
        if (field.pattern() != null && !field.pattern().isBlank()) {
            if (knownType && !"TEXT".equals(field.type())) {
                problems.add(new FieldProblem("pattern", "A pattern applies only to text. Clear it or choose the type TEXT."));
            }
            try {
                Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                problems.add(new FieldProblem("pattern", "Pattern '" + field.pattern()
                        + "' is not a valid regular expression: " + e.getDescription() + "."));
            }
        }

        boolean hasChoices = field.choices().stream().anyMatch(choice -> !choice.isBlank());
        if ("CHOICE".equals(field.type()) && !hasChoices) {
            problems.add(new FieldProblem("choices", "A choice list needs choices. Enter one choice per line."));
        }
        if (hasChoices && knownType && !"CHOICE".equals(field.type())) {
            problems.add(new FieldProblem("choices", "Choices apply only to a choice list. Clear them or choose the type CHOICE."));
        }
        return problems;
    }

    @Override
    @Transactional
    public boolean setValue(long businessId, long fieldId, String value, CurrentUser user, String sourceKind) {
        Definition field = find(fieldId).filter(found -> access.canSee(found, user))
                .orElseThrow(() -> NotFoundException.of("Partner field", fieldId));
        if (!access.canEdit(field, user)) {
            throw new AccessDeniedException("User " + user.id() + " may not change partner field " + fieldId);
        }
        lockBusiness(businessId);
        String cleaned = value == null || value.isBlank() ? null : PartnerFieldValues.normalize(field, value.strip());
        Optional<String> current = jdbc.sql("SELECT value FROM partner_field_value WHERE business_id = :businessId"
                        + " AND field_id = :fieldId FOR UPDATE")
                .param("businessId", businessId)
                .param("fieldId", fieldId)
                .query(String.class)
                .optional();
        if (Objects.equals(current.orElse(null), cleaned)) {
            return false;
        }

        if (cleaned == null) {
            jdbc.sql("DELETE FROM partner_field_value WHERE business_id = :businessId AND field_id = :fieldId")
                    .param("businessId", businessId)
                    .param("fieldId", fieldId)
                    .update();
        } else {
            jdbc.sql("""
                            INSERT INTO partner_field_value (business_id, field_id, value, user_id, partner_id, source_kind)
                            VALUES (:businessId, :fieldId, :value, :userId, :partnerId, :sourceKind)
                            ON CONFLICT (business_id, field_id) DO UPDATE
                                SET value = excluded.value, user_id = excluded.user_id, partner_id = excluded.partner_id,
                                    source_kind = excluded.source_kind, collected_at = now()
                            """)
                    .param("businessId", businessId)
                    .param("fieldId", fieldId)
                    .param("value", cleaned)
                    .param("userId", user.id())
                    .param("partnerId", user.partnerId())
                    .param("sourceKind", sourceKind)
                    .update();
        }
        String action = "CHANGED";
        if (current.isEmpty()) {
            action = "SET";
        } else if (cleaned == null) {
            action = "REMOVED";
        }
        jdbc.sql("""
                        INSERT INTO business_history (business_id, field, action, old_value, new_value, actor_user_id,
                                                      partner_id, source_kind, partner_field_id)
                        VALUES (:businessId, 'partner_field', :action, :oldValue, :newValue, :userId, :partnerId,
                                :sourceKind, :fieldId)
                        """)
                .param("businessId", businessId)
                .param("action", action)
                .param("oldValue", current.orElse(null))
                .param("newValue", cleaned)
                .param("userId", user.id())
                .param("partnerId", user.partnerId())
                .param("sourceKind", sourceKind)
                .param("fieldId", fieldId)
                .update();
        jdbc.sql("UPDATE business SET updated_at = now() WHERE id = :id").param("id", businessId).update();
        log.info("Partner field {} of business {} {} by user {}", fieldId, businessId, action.toLowerCase(Locale.ROOT),
                user.id());
        return true;
    }

    private void lockBusiness(long businessId) {
        jdbc.sql("SELECT id FROM business WHERE id = :id FOR UPDATE")
                .param("id", businessId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Business", businessId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ConfidentialRead> confidentialReads(long businessId) {
        return jdbc.sql("""
                        SELECT r.id, r.user_id, u.display_name, r.partner_id, r.business_id, r.field_id, f.name, r.path,
                               r.read_at
                        FROM partner_field_read r
                        JOIN partner_field f ON f.id = r.field_id
                        JOIN app_user u ON u.id = r.user_id
                        WHERE r.business_id = :businessId
                        ORDER BY r.read_at DESC, r.id DESC
                        """)
                .param("businessId", businessId)
                .query((rs, row) -> new ConfidentialRead(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    Optional<Definition> find(long fieldId) {
        return jdbc.sql(DEFINITION_SQL + " WHERE f.id = :id")
                .param("id", fieldId)
                .query(PartnerFieldService::definition)
                .optional();
    }

    static final String DEFINITION_SQL = """
            SELECT f.id, f.partner_id, p.name AS partner_name, f.name, f.field_type, f.required, f.min_value,
                   f.max_value, f.pattern, f.choices, f.visibility, f.created_at
            FROM partner_field f
            JOIN partner p ON p.id = f.partner_id
            """;

    static Definition definition(ResultSet rs, int row) throws SQLException {
        return new Definition(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("partner_name"),
                rs.getString("name"), rs.getString("field_type"), rs.getBoolean("required"),
                rs.getBigDecimal("min_value"), rs.getBigDecimal("max_value"), rs.getString("pattern"),
                strings(rs.getArray("choices")), rs.getString("visibility"), rs.getTimestamp("created_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
