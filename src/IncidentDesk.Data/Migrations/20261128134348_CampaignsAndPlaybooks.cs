using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentDesk.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignsAndPlaybooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Title, instructions and due date move from each co-op's copy to the campaign's task (one row per column of
            // the progress matrix). No release ever wrote CoopTasks, so the dropped columns held no data.
            migrationBuilder.DropForeignKey(
                name: "FK_CoopTasks_Campaigns_CampaignId",
                table: "CoopTasks");

            migrationBuilder.DropIndex(
                name: "IX_CoopTasks_CampaignId",
                table: "CoopTasks");

            migrationBuilder.DropColumn(
                name: "DueAtUtc",
                table: "CoopTasks");

            migrationBuilder.DropColumn(
                name: "Instructions",
                table: "CoopTasks");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "CoopTasks");

            migrationBuilder.AddColumn<int>(
                name: "CoopId",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CoopTaskId",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CampaignTaskId",
                table: "CoopTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "CoopTasks",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LaunchedBy",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Audience",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AudienceFilter",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlaybookId",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

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
                name: "IX_Evidence_CoopId",
                table: "Evidence",
                column: "CoopId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_CoopTaskId",
                table: "Evidence",
                column: "CoopTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_CoopTasks_CampaignId_CoopId",
                table: "CoopTasks",
                columns: new[] { "CampaignId", "CoopId" });

            migrationBuilder.CreateIndex(
                name: "IX_CoopTasks_CampaignTaskId_CoopId",
                table: "CoopTasks",
                columns: new[] { "CampaignTaskId", "CoopId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_PlaybookId",
                table: "Campaigns",
                column: "PlaybookId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTasks_CampaignId",
                table: "CampaignTasks",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_Name",
                table: "Playbooks",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookSteps_PlaybookId",
                table: "PlaybookSteps",
                column: "PlaybookId");

            migrationBuilder.AddForeignKey(
                name: "FK_Campaigns_Playbooks_PlaybookId",
                table: "Campaigns",
                column: "PlaybookId",
                principalTable: "Playbooks",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_CoopTasks_CampaignTasks_CampaignTaskId",
                table: "CoopTasks",
                column: "CampaignTaskId",
                principalTable: "CampaignTasks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CoopTasks_Campaigns_CampaignId",
                table: "CoopTasks",
                column: "CampaignId",
                principalTable: "Campaigns",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_CoopTasks_CoopTaskId",
                table: "Evidence",
                column: "CoopTaskId",
                principalTable: "CoopTasks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_Coops_CoopId",
                table: "Evidence",
                column: "CoopId",
                principalTable: "Coops",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_CoopTasks_CoopTaskId",
                table: "Evidence");

            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_Coops_CoopId",
                table: "Evidence");

            migrationBuilder.DropTable(
                name: "CampaignTasks");

            migrationBuilder.DropTable(
                name: "PlaybookSteps");

            migrationBuilder.DropTable(
                name: "Playbooks");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_CoopId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_CoopTaskId",
                table: "Evidence");

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
                name: "CoopId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "CoopTaskId",
                table: "Evidence");

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
