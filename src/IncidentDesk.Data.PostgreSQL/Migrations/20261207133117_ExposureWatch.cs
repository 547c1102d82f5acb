using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IncidentDesk.Data.PostgreSQL.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CoopId = table.Column<int>(type: "integer", nullable: false),
                    Host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Port = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DeclaredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeclaredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AuthorizedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AuthorizedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RemovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CheckClaimedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastCheckedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastOutcome = table.Column<int>(type: "integer", nullable: true),
                    LastDetail = table.Column<int>(type: "integer", nullable: true),
                    LastTopicCount = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    TargetLabel = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SlotKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Planned = table.Column<int>(type: "integer", nullable: false),
                    SkippedRecent = table.Column<int>(type: "integer", nullable: false),
                    Unauthorized = table.Column<int>(type: "integer", nullable: false),
                    Checked = table.Column<int>(type: "integer", nullable: false),
                    Exposed = table.Column<int>(type: "integer", nullable: false),
                    CancelRequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelRequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExposureRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExposureChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EndpointId = table.Column<int>(type: "integer", nullable: false),
                    CoopId = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: true),
                    CheckedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMs = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<int>(type: "integer", nullable: false),
                    ContactedAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TopicCount = table.Column<int>(type: "integer", nullable: true),
                    TopicNames = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EndpointId = table.Column<int>(type: "integer", nullable: false),
                    CoopId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    CoopTaskId = table.Column<int>(type: "integer", nullable: false),
                    OpenedByCheckId = table.Column<int>(type: "integer", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TopicCount = table.Column<int>(type: "integer", nullable: false)
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
