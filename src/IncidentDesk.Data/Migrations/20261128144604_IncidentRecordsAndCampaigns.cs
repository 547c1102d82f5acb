using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentDesk.Data.Migrations
{
    /// <inheritdoc />
    public partial class IncidentRecordsAndCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Campaigns and CoopTasks were created empty by the initial schema and no release ever wrote them. They are
            // recreated in their new shape rather than altered: SQLite changes foreign keys only by rebuilding a table
            // with foreign-key enforcement off, which cannot run inside the migration's transaction.
            migrationBuilder.DropTable(name: "CoopTasks");
            migrationBuilder.DropTable(name: "Campaigns");

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlaybookId = table.Column<int>(type: "INTEGER", nullable: true),
                    Audience = table.Column<int>(type: "INTEGER", nullable: false),
                    AudienceFilter = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LaunchedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LaunchedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Campaigns_Playbooks_PlaybookId",
                        column: x => x.PlaybookId,
                        principalTable: "Playbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CoopTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoopTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoopTasks_CampaignTasks_CampaignTaskId",
                        column: x => x.CampaignTaskId,
                        principalTable: "CampaignTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoopTasks_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CoopTasks_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(name: "IX_Campaigns_IncidentId", table: "Campaigns", column: "IncidentId");
            migrationBuilder.CreateIndex(name: "IX_Campaigns_PlaybookId", table: "Campaigns", column: "PlaybookId");
            migrationBuilder.CreateIndex(name: "IX_CoopTasks_CampaignId_CoopId", table: "CoopTasks", columns: new[] { "CampaignId", "CoopId" });
            migrationBuilder.CreateIndex(
                name: "IX_CoopTasks_CampaignTaskId_CoopId", table: "CoopTasks", columns: new[] { "CampaignTaskId", "CoopId" }, unique: true);
            migrationBuilder.CreateIndex(name: "IX_CoopTasks_CoopId_Status", table: "CoopTasks", columns: new[] { "CoopId", "Status" });

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAtUtc",
                table: "TimelineEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EditedBy",
                table: "TimelineEvents",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "TimelineEvents",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            // Before this migration every automatic timeline event had kind Action (1) and the source "IncidentDesk · <actor>".
            // The previous release wrote them for registration, status changes, key figures and involvement only, so their
            // titles tell the new kinds apart; the actor is kept as the recorder.
            migrationBuilder.Sql("""
                UPDATE TimelineEvents
                SET Kind = CASE
                        WHEN Title LIKE 'Incidente registrado%' THEN 2
                        WHEN Title LIKE 'Situação alterada%' THEN 3
                        WHEN Title LIKE 'Número%' THEN 5
                        ELSE 4
                    END,
                    RecordedBy = substr(Source, 16)
                WHERE Kind = 1 AND Source LIKE 'IncidentDesk · %';
                """);

            migrationBuilder.CreateTable(
                name: "CampaignTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EvidenceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswerType = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignTasks_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CoopTaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: true),
                    SharedWithCoops = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_CoopTasks_CoopTaskId",
                        column: x => x.CoopTaskId,
                        principalTable: "CoopTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Evidence_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Evidence_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Playbooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Playbooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaybookId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DueInBusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswerType = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaybookSteps_Playbooks_PlaybookId",
                        column: x => x.PlaybookId,
                        principalTable: "Playbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTasks_CampaignId",
                table: "CampaignTasks",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_CoopId",
                table: "Evidence",
                column: "CoopId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_CoopTaskId",
                table: "Evidence",
                column: "CoopTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_IncidentId",
                table: "Evidence",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_StoredName",
                table: "Evidence",
                column: "StoredName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_Name",
                table: "Playbooks",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookSteps_PlaybookId",
                table: "PlaybookSteps",
                column: "PlaybookId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Campaigns_Playbooks_PlaybookId",
                table: "Campaigns");

            migrationBuilder.DropForeignKey(
                name: "FK_CoopTasks_CampaignTasks_CampaignTaskId",
                table: "CoopTasks");

            migrationBuilder.DropForeignKey(
                name: "FK_CoopTasks_Campaigns_CampaignId",
                table: "CoopTasks");

            migrationBuilder.DropTable(
                name: "CampaignTasks");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "PlaybookSteps");

            migrationBuilder.DropTable(
                name: "Playbooks");

            migrationBuilder.DropIndex(
                name: "IX_CoopTasks_CampaignId_CoopId",
                table: "CoopTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoopTasks_CampaignTaskId_CoopId",
                table: "CoopTasks");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_PlaybookId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "EditedAtUtc",
                table: "TimelineEvents");

            migrationBuilder.DropColumn(
                name: "EditedBy",
                table: "TimelineEvents");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "TimelineEvents");

            migrationBuilder.DropColumn(
                name: "CampaignTaskId",
                table: "CoopTasks");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "CoopTasks");

            migrationBuilder.DropColumn(
                name: "Audience",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "AudienceFilter",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "PlaybookId",
                table: "Campaigns");

            migrationBuilder.AddColumn<DateTime>(
                name: "DueAtUtc",
                table: "CoopTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Instructions",
                table: "CoopTasks",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "CoopTasks",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "LaunchedBy",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 256);

            migrationBuilder.CreateIndex(
                name: "IX_CoopTasks_CampaignId",
                table: "CoopTasks",
                column: "CampaignId");

            migrationBuilder.AddForeignKey(
                name: "FK_CoopTasks_Campaigns_CampaignId",
                table: "CoopTasks",
                column: "CampaignId",
                principalTable: "Campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
