using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IncidentDesk.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class CampaignCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Campaigns",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "Campaigns",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CancelledAtUtc",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "Campaigns");
        }
    }
}
