using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentDesk.Data.Migrations
{
    /// <inheritdoc />
    public partial class MailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MailCulture",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MailDelivery",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MailRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RanAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Queued = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DedupKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecipientUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CoopId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: true),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    BodyErasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnsubscribeUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastAnswer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxMails_Coops_CoopId",
                        column: x => x.CoopId,
                        principalTable: "Coops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailRuns_Kind_Day",
                table: "MailRuns",
                columns: new[] { "Kind", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_CoopId",
                table: "OutboxMails",
                column: "CoopId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_CreatedAtUtc",
                table: "OutboxMails",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_DedupKey",
                table: "OutboxMails",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_Fingerprint_CreatedAtUtc",
                table: "OutboxMails",
                columns: new[] { "Fingerprint", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_MessageId",
                table: "OutboxMails",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_SentAtUtc",
                table: "OutboxMails",
                column: "SentAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_State_NextAttemptAtUtc",
                table: "OutboxMails",
                columns: new[] { "State", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_ToAddress_SentAtUtc",
                table: "OutboxMails",
                columns: new[] { "ToAddress", "SentAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailRuns");

            migrationBuilder.DropTable(
                name: "OutboxMails");

            migrationBuilder.DropColumn(
                name: "MailCulture",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MailDelivery",
                table: "AspNetUsers");
        }
    }
}
