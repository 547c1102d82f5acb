using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentDesk.Data.Migrations
{
    /// <inheritdoc />
    public partial class LgpdRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Impact",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MeasuresBefore",
                table: "Incidents",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Type",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DelayReasons",
                table: "CoopInvolvements",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DraftVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    MissingCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAsPreliminary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DraftVersions_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DraftVersions_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RelevanceAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SignificantEffect = table.Column<bool>(type: "INTEGER", nullable: false),
                    Harms = table.Column<int>(type: "INTEGER", nullable: false),
                    Criteria = table.Column<int>(type: "INTEGER", nullable: false),
                    DataUnintelligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelevanceAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RelevanceAssessments_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RelevanceAssessments_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommunicationFilings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Protocol = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunicationFilings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunicationFilings_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunicationFilings_DraftVersions_DraftVersionId",
                        column: x => x.DraftVersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommunicationFilings_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationFilings_CoopId",
                table: "CommunicationFilings",
                column: "CoopId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationFilings_DraftVersionId",
                table: "CommunicationFilings",
                column: "DraftVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationFilings_IncidentId_CoopId_Kind",
                table: "CommunicationFilings",
                columns: new[] { "IncidentId", "CoopId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_DraftVersions_CoopId",
                table: "DraftVersions",
                column: "CoopId");

            migrationBuilder.CreateIndex(
                name: "IX_DraftVersions_IncidentId_CoopId_Kind_Version",
                table: "DraftVersions",
                columns: new[] { "IncidentId", "CoopId", "Kind", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RelevanceAssessments_CoopId",
                table: "RelevanceAssessments",
                column: "CoopId");

            migrationBuilder.CreateIndex(
                name: "IX_RelevanceAssessments_IncidentId_CoopId_Version",
                table: "RelevanceAssessments",
                columns: new[] { "IncidentId", "CoopId", "Version" },
                unique: true);

            // An approved draft is what gets filed: the storage refuses to change or delete it, whatever the code does.
            migrationBuilder.Sql("CREATE TRIGGER DraftVersions_ApprovedImmutable BEFORE UPDATE ON DraftVersions WHEN OLD.ApprovedAtUtc IS NOT NULL BEGIN SELECT RAISE(ABORT, 'approved draft versions are immutable'); END;");
            migrationBuilder.Sql("CREATE TRIGGER DraftVersions_ApprovedNoDelete BEFORE DELETE ON DraftVersions WHEN OLD.ApprovedAtUtc IS NOT NULL BEGIN SELECT RAISE(ABORT, 'approved draft versions are immutable'); END;");
            // Relevance assessments are versioned by appending (R15 art. 5: the reasoning must stay on record).
            migrationBuilder.Sql("CREATE TRIGGER RelevanceAssessments_NoUpdate BEFORE UPDATE ON RelevanceAssessments BEGIN SELECT RAISE(ABORT, 'relevance assessments are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER RelevanceAssessments_NoDelete BEFORE DELETE ON RelevanceAssessments BEGIN SELECT RAISE(ABORT, 'relevance assessments are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DraftVersions_ApprovedImmutable;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DraftVersions_ApprovedNoDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS RelevanceAssessments_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS RelevanceAssessments_NoDelete;");

            migrationBuilder.DropTable(
                name: "CommunicationFilings");

            migrationBuilder.DropTable(
                name: "RelevanceAssessments");

            migrationBuilder.DropTable(
                name: "DraftVersions");

            migrationBuilder.DropColumn(
                name: "Impact",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "MeasuresBefore",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DelayReasons",
                table: "CoopInvolvements");
        }
    }
}
