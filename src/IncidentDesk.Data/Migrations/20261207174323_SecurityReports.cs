using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentDesk.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecurityReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SecurityReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: true),
                    HowFound = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FoundOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProofOfConcept = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DataAccessed = table.Column<int>(type: "INTEGER", nullable: false),
                    OthersInformed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PlannedDisclosureOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sharing = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReporterOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ConsentToContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    WantsCredit = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurityReports_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecurityReports_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecurityReportMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SecurityReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromReporter = table.Column<bool>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityReportMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurityReportMessages_SecurityReports_SecurityReportId",
                        column: x => x.SecurityReportId,
                        principalTable: "SecurityReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReportMessages_SecurityReportId_SentAtUtc",
                table: "SecurityReportMessages",
                columns: new[] { "SecurityReportId", "SentAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReports_CoopId",
                table: "SecurityReports",
                column: "CoopId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReports_FollowUpCodeHash",
                table: "SecurityReports",
                column: "FollowUpCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReports_IncidentId",
                table: "SecurityReports",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReports_ReceivedAtUtc",
                table: "SecurityReports",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReports_Reference",
                table: "SecurityReports",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReports_Status",
                table: "SecurityReports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReports_Year_Sequence",
                table: "SecurityReports",
                columns: new[] { "Year", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SecurityReportMessages");

            migrationBuilder.DropTable(
                name: "SecurityReports");
        }
    }
}
