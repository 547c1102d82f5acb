using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentDesk.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExposureWatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BrokerEndpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Port = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeclaredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AuthorizedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AuthorizedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CheckClaimedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastCheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastOutcome = table.Column<int>(type: "INTEGER", nullable: true),
                    LastDetail = table.Column<int>(type: "INTEGER", nullable: true),
                    LastTopicCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrokerEndpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BrokerEndpoints_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExposureRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetLabel = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SlotKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Planned = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedRecent = table.Column<int>(type: "INTEGER", nullable: false),
                    Unauthorized = table.Column<int>(type: "INTEGER", nullable: false),
                    Checked = table.Column<int>(type: "INTEGER", nullable: false),
                    Exposed = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelRequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelRequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExposureRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExposureChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EndpointId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<int>(type: "INTEGER", nullable: true),
                    CheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactedAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TopicCount = table.Column<int>(type: "INTEGER", nullable: true),
                    TopicNames = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExposureChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExposureChecks_BrokerEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "BrokerEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExposureChecks_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExposureChecks_ExposureRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ExposureRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExposureFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EndpointId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoopTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedByCheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TopicCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExposureFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExposureFindings_BrokerEndpoints_EndpointId",
                        column: x => x.EndpointId,
                        principalTable: "BrokerEndpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExposureFindings_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExposureFindings_CoopTasks_CoopTaskId",
                        column: x => x.CoopTaskId,
                        principalTable: "CoopTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExposureFindings_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExposureFindings_ExposureChecks_OpenedByCheckId",
                        column: x => x.OpenedByCheckId,
                        principalTable: "ExposureChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BrokerEndpoints_CoopId_Host_Port",
                table: "BrokerEndpoints",
                columns: new[] { "CoopId", "Host", "Port" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BrokerEndpoints_LastOutcome",
                table: "BrokerEndpoints",
                column: "LastOutcome");

            migrationBuilder.CreateIndex(
                name: "IX_ExposureChecks_CheckedAtUtc",
                table: "ExposureChecks",
                column: "CheckedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ExposureChecks_CoopId",
                table: "ExposureChecks",
                column: "CoopId");

            migrationBuilder.CreateIndex(
                name: "IX_ExposureChecks_EndpointId_CheckedAtUtc",
                table: "ExposureChecks",
                columns: new[] { "EndpointId", "CheckedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ExposureChecks_RunId",
                table: "ExposureChecks",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_ExposureFindings_CampaignId",
                table: "ExposureFindings",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ExposureFindings_CoopId",
                table: "ExposureFindings",
                column: "CoopId");

            migrationBuilder.CreateIndex(
                name: "IX_ExposureFindings_CoopTaskId",
                table: "ExposureFindings",
                column: "CoopTaskId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExposureFindings_EndpointId",
                table: "ExposureFindings",
                column: "EndpointId");

            migrationBuilder.CreateIndex(
                name: "IX_ExposureFindings_OpenedByCheckId",
                table: "ExposureFindings",
                column: "OpenedByCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_ExposureRuns_SlotKey",
                table: "ExposureRuns",
                column: "SlotKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExposureRuns_StartedAtUtc",
                table: "ExposureRuns",
                column: "StartedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExposureFindings");

            migrationBuilder.DropTable(
                name: "ExposureChecks");

            migrationBuilder.DropTable(
                name: "BrokerEndpoints");

            migrationBuilder.DropTable(
                name: "ExposureRuns");
        }
    }
}
