using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentDesk.Data.PostgreSQL.Migrations
{
    /// <summary>
    /// The storage refuses to rewrite the record, as SQLite's triggers do: the audit trail and relevance assessments are
    /// append-only, and an approved draft version is immutable (R15 art. 10: the record must stay as it was).
    /// </summary>
    public partial class AppendOnlyTriggers : Migration
    {
        private static readonly (string Table, string Name, string Message, string Condition)[] Guards =
        [
            ("AuditEntries", "audit_entries_append_only", "audit entries are append-only", "true"),
            ("RelevanceAssessments", "relevance_assessments_append_only", "relevance assessments are append-only", "true"),
            ("DraftVersions", "draft_versions_approved_immutable", "approved draft versions are immutable", "OLD.\"ApprovedAtUtc\" IS NOT NULL"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, name, message, condition) in Guards)
            {
                migrationBuilder.Sql($"""
                    CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF {condition} THEN
                            RAISE EXCEPTION '{message}' USING ERRCODE = 'restrict_violation';
                        END IF;
                        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                    END $$;
                    """);
                migrationBuilder.Sql($"CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION {name}();");
                // Row triggers do not fire on TRUNCATE: refuse that too.
                migrationBuilder.Sql($"""
                    CREATE FUNCTION {name}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'restrict_violation'; END $$;
                    """);
                migrationBuilder.Sql($"CREATE TRIGGER {name}_truncate BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION {name}_truncate();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, name, _, _) in Guards)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name}_truncate ON \"{table}\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {name} ON \"{table}\";");
                migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {name}_truncate();");
                migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {name}();");
            }
        }
    }
}
